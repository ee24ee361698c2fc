import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '@motcua/domain';
import { selfSignedPkcs12 } from '@motcua/signing';
import { startApi, TestApi } from './support/api';
import { CERTIFIED_COPY } from './support/dossiers';
import { USER_PER_ROLE } from './support/roles';
import { eventually, startWorker } from './support/worker';

/**
 * The authorization matrix, generated from the committed OpenAPI document: every operation, called
 * anonymously and by every role, on a resource inside the caller's scope and on one outside it.
 * The designed answers: 401 without a token (unless public), 403 for a role the operation does not
 * list, never 401/403/404 or 5xx for an allowed role inside its scope, 404 outside it.
 */
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  /** The roles the operation names (its 403 response's "Roles: …"); undefined: any logged-in user. */
  roles?: string[];
}

const spec = JSON.parse(readFileSync('openapi.json', 'utf8')) as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { description?: string }> }>> };
const OPERATIONS: Operation[] = Object.entries(spec.paths).flatMap(([path, operations]) =>
  Object.entries(operations).map(([method, operation]) => ({
    method: method as Operation['method'],
    path,
    isPublic: !operation.security,
    roles: /^Roles: (.+)$/.exec(operation.responses['403']?.description ?? '')?.[1].split(', '),
  })),
);

/** Bodies that pass validation, so an allowed call reaches the scope check. */
const BODIES: Record<string, unknown> = {
  'post /api/auth/login': { username: 'admin', password: DEMO_PASSWORD },
  'post /api/dossiers': CERTIFIED_COPY,
  'post /api/dossiers/{code}/accept': {},
  'post /api/dossiers/{code}/request-supplement': { items: [{ what: 'Bản sao Giấy chứng nhận', why: 'Bản sao không rõ nét' }] },
  'post /api/dossiers/{code}/refuse': { reason: 'Không thuộc thẩm quyền' },
  'post /api/dossiers/{code}/supplement': { documents: CERTIFIED_COPY.documents },
  'post /api/dossiers/{code}/payment': { note: 'Biên lai số 1' },
  'post /api/dossiers/{code}/apology': { reason: 'Chờ xác minh', newReturnDate: '2030-06-20T17:00:00+07:00' },
  'post /api/dossiers/{code}/withdraw': { reason: 'Công dân rút hồ sơ' },
  'post /api/dossiers/{code}/return': { method: 'counter' },
  'post /api/tasks/{id}/complete': { action: 'forward' },
  'post /api/tasks/{id}/assign': { username: 'xuly.vinhhai' },
  'post /api/public/dossiers/{code}/rating': { verifier: '0000', score: 5 },
  'post /api/dossiers/{code}/reused-files': { fileId: '00000000-0000-4000-8000-000000000000', documentKey: 'ban-chinh' },
  'put /api/agencies/{code}/signing-key': { pkcs12: selfSignedPkcs12('UBND phuong Vinh Hai', 'x', new Date('2026-01-01T00:00:00Z')).toString('base64'), passphrase: 'x' },
};

const QUERIES: Record<string, Record<string, string>> = {
  '/api/calendar/deadline': { from: '2026-03-02T09:00:00+07:00', amount: '3', unit: 'working_days' },
  '/api/reports/timeliness': { from: '2026-01-01', to: '2026-12-31', groupBy: 'commune' },
  '/api/reports/timeliness/dossiers': { from: '2026-01-01', to: '2026-12-31', bucket: 'late' },
  '/api/reports/satisfaction': { from: '2026-01-01', to: '2026-12-31', groupBy: 'commune' },
  '/api/reports/ranking': { from: '2026-01-01', to: '2026-12-31', level: 'commune' },
  '/api/public/dossiers/{code}': { verifier: '0000' },
};

/** Path parameters whose record belongs to a unit, so scope applies. */
const SCOPED = /\/api\/(dossiers|agencies|tasks)\/\{/;

describe('authorization matrix (from openapi.json)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  const inside: Record<string, string> = {};
  const outside: Record<string, string> = {};

  const call = async (operation: Operation, username: string | null, params: Record<string, string>) => {
    const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name.replace(/^code$/, codeKind(operation.path))] ?? params[name] ?? 'x'));
    let request = api
      .http()
      [operation.method](url)
      .query(QUERIES[operation.path] ?? {});
    if (username) request = request.set('Authorization', await api.login(username));
    return request.send((BODIES[`${operation.method} ${operation.path}`] ?? {}) as object);
  };

  const file = async (username: string) =>
    (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login(username))
        .send(CERTIFIED_COPY)
    ).body.code as string;
  /** A paper digitised at the dossier's counter, for the file operations. */
  const attach = async (username: string, code: string) =>
    (
      await api
        .http()
        .post(`/api/dossiers/${code}/files`)
        .set('Authorization', await api.login(username))
        .field('kind', 'paper')
        .field('documentKey', 'ban-chinh')
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'ban-chinh.pdf')
    ).body.id as string;
  const firstTask = (code: string) =>
    eventually(async () => {
      const [task] = await api.env.query<{ id: string }>(`SELECT t.id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1`, [code]);
      expect(task).toBeDefined();
      return task.id;
    });

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    inside.dossier = await file('tiepnhan.vinhhai');
    outside.dossier = await file('tiepnhan.loctho');
    inside.id = await firstTask(inside.dossier);
    outside.id = await firstTask(outside.dossier);
    inside.fileId = await attach('tiepnhan.vinhhai', inside.dossier);
    outside.fileId = await attach('tiepnhan.loctho', outside.dossier);
    // A dead letter for the administrator to retry.
    const [{ id: outboxId }] = await api.env.query<{ id: string }>(
      `INSERT INTO outbox (topic, aggregate_id, payload, sent_at, dead_at) VALUES ('dossier.received', gen_random_uuid(), '{}', now(), now()) RETURNING id`,
    );
    const [{ id: letter }] = await api.env.query<{ id: string }>(
      `INSERT INTO dead_letters (outbox_id, topic, aggregate_id, payload, error, attempts, dead_at) SELECT id, topic, aggregate_id, payload, 'boom', 15, now() FROM outbox WHERE id = $1 RETURNING id`,
      [outboxId],
    );
    inside.letter = letter;
    Object.assign(inside, { agency: '002.00.31.H56', procedure: '2.000815', year: '2026', n: '1', form: 'BM.01', username: 'xuly.vinhhai' });
    Object.assign(outside, { ...inside, agency: '009.00.31.H56', dossier: outside.dossier, id: outside.id, fileId: outside.fileId });
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('covers every operation of the API', () => {
    expect(OPERATIONS.length).toBeGreaterThan(40);
    expect(OPERATIONS.filter((operation) => operation.roles).length).toBeGreaterThan(20);
  });

  it('answers 401 to anonymous callers everywhere but the public operations', async () => {
    for (const operation of OPERATIONS) {
      const response = await call(operation, null, inside);
      const answer = { operation: `${operation.method.toUpperCase()} ${operation.path}`, status: response.status, code: response.body.code };
      if (operation.isPublic) expect({ ...answer, ok: ![401, 403].includes(response.status) && response.status < 500 }).toEqual({ ...answer, ok: true });
      else expect(answer).toEqual({ ...answer, status: 401, code: 'UNAUTHENTICATED' });
    }
  }, 60_000);

  it.each(Object.keys(USER_PER_ROLE))(
    'gives %s 403 where its role is not listed, and never 401/403/404 or 5xx inside its scope where it is',
    async (role) => {
      // A dossier of its own, so what the roles before it did (withdraw, refuse) does not change its answers.
      const own: Record<string, string> = { ...inside, dossier: await file('tiepnhan.vinhhai') };
      own.id = await firstTask(own.dossier);
      own.fileId = await attach('tiepnhan.vinhhai', own.dossier);
      for (const operation of OPERATIONS.filter((candidate) => !candidate.isPublic)) {
        const response = await call(operation, USER_PER_ROLE[role], own);
        const allowed = !operation.roles || operation.roles.includes(role);
        const answer = { operation: `${operation.method.toUpperCase()} ${operation.path}`, status: response.status };
        // A step is in the inbox of its own role only: the first step is the PROCESSOR's, so for the other roles it does not exist;
        // its agency's LEADER and the ADMIN manage it (release, assign).
        const manages = /\/(release|assign)$/.test(operation.path);
        if (allowed && operation.path.startsWith('/api/tasks/{id}') && role !== 'PROCESSOR' && !manages) expect(answer).toEqual({ ...answer, status: 404 });
        else if (allowed) expect({ ...answer, ok: ![401, 403, 404].includes(response.status) && response.status < 500 }).toEqual({ ...answer, ok: true });
        else expect({ ...answer, code: response.body.code }).toEqual({ ...answer, status: 403, code: 'FORBIDDEN' });
      }
    },
    60_000,
  );

  it.each(Object.keys(USER_PER_ROLE).filter((role) => !role.endsWith('ADMIN')))(
    'gives %s 404 for a record outside its scope',
    async (role) => {
      const scoped = OPERATIONS.filter((operation) => !operation.isPublic && SCOPED.test(operation.path) && (!operation.roles || operation.roles.includes(role)));
      expect(scoped.length).toBeGreaterThan(0);
      for (const operation of scoped) {
        const response = await call(operation, USER_PER_ROLE[role], outside);
        const answer = { operation: `${operation.method.toUpperCase()} ${operation.path}`, status: response.status, code: response.body.code };
        expect(answer).toEqual({ ...answer, status: 404, code: 'NOT_FOUND' });
      }
    },
    60_000,
  );
});

/** Which fixture a `{code}` names: a dossier, an agency or a procedure. */
function codeKind(path: string): string {
  if (path.includes('/agencies/')) return 'agency';
  if (path.includes('/procedures/')) return 'procedure';
  return 'dossier';
}
