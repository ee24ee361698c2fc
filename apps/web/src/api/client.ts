import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** One problem the API names: `{ field: 'applicant.idNumber', reason: 'must be 12 digits' }`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** An API error body `{ code, message, details? }`, with the HTTP status it came with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get fields(): FieldProblem[] {
    return Array.isArray(this.details.fields) ? (this.details.fields as FieldProblem[]) : [];
  }
}

export const TOKEN_KEY = 'motcua.token';
/** Fired when the API refuses the session's token (expired, revoked): the console returns to the login page. */
export const SESSION_EXPIRED_EVENT = 'motcua:session-expired';

/**
 * The token is shared by the browser's tabs (a dossier opened in a new tab stays signed in) and ends
 * with its lifetime (JWT_TTL_SECONDS) or at "Đăng xuất", which signs every tab out.
 */
export const sessionToken = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

const authentication: Middleware = {
  onRequest({ request }) {
    const token = sessionToken.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && sessionToken.get()) {
      sessionToken.clear();
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return response;
  },
};

/** The typed client: paths, parameters and bodies come from openapi.json (`npm run openapi`). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authentication);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying the API's code, message and field problems. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  throw new ApiError(response.status, body.code ?? 'INTERNAL', body.message ?? response.statusText, body.details);
}

/** Fetches a file the API makes (a slip's PDF, a report's XLSX) with the session's token. */
export async function fetchFile(path: string, query: Record<string, string | undefined> = {}): Promise<Blob> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, value);
  const token = sessionToken.get();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(response.status, body.code ?? 'INTERNAL', body.message ?? response.statusText, body.details);
  }
  return response.blob();
}

/** Opens a PDF in a new tab, where the browser's viewer prints it. */
export async function openPdf(path: string): Promise<void> {
  // The tab opens now, inside the click, or pop-up blockers refuse it; it closes again if the slip can't be had.
  const tab = window.open('', '_blank');
  const blob = await fetchFile(path).catch((error: unknown) => {
    tab?.close();
    throw error;
  });
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  if (tab) tab.location.href = url;
  else window.location.href = url;
}

/** Saves a file under the given name. */
export async function download(path: string, query: Record<string, string | undefined>, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchFile(path, query));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
