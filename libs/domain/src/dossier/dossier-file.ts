/** A paper of the checklist (digitised at the counter), a working paper of a step, or the result. */
export type DossierFileKind = 'paper' | 'working' | 'result';
export const DOSSIER_FILE_KINDS: readonly DossierFileKind[] = ['paper', 'working', 'result'];

export interface DossierFile {
  id: string;
  dossierId: string;
  kind: DossierFileKind;
  /** The procedure's checklist key, for a paper. */
  documentKey: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  /** Decision 766 counts these: scanned at reception, reused from an earlier dossier, from the citizen's own store. */
  digitisedAtCounter: boolean;
  reusedFrom: string | null;
  fromCitizenStore: boolean;
  /** A result's number and symbol (số, ký hiệu: "125/QĐ-UBND") and its date (ngày ký, YYYY-MM-DD). */
  resultNumber: string | null;
  resultDate: string | null;
  /** Signed by the system as the agency (PAdES), at upload. */
  signed: boolean;
  /** The earlier version this one replaces, and the later one that replaced it. */
  supersedes: string | null;
  supersededBy: string | null;
}

const FILE_NAME_LENGTH = 200;

/**
 * A client's file name as it may be shown and sent back: the last path segment only, without control
 * or bidirectional-override characters, in NFC, at most 200 characters (the extension kept).
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length <= FILE_NAME_LENGTH) return clean || 'tep-dinh-kem';
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, FILE_NAME_LENGTH - extension.length) + extension;
}
