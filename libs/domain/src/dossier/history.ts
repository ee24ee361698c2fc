import type { Actor } from '../auth';
import type { DossierStatus } from './dossier-status';

/** What a history row says besides the statuses, which the write path takes from the dossier before and after. */
export interface HistoryRecord {
  action: string;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

/** A history row as written: the record and the move it describes. */
export interface HistoryDraft extends HistoryRecord {
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
}

/** The one builder of history records: by an officer, or by the system itself (the worker, the deadline rules) when `actor` is null. */
export function historyRecord(actor: Actor | null, action: string, more: { note?: string | null; details?: Record<string, unknown> | null } = {}): HistoryRecord {
  return { action, actorId: actor?.userId ?? null, actorName: actor?.fullName ?? null, agencyId: actor?.agencyId ?? null, note: more.note ?? null, details: more.details ?? null };
}
