import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Dossier,
  DossierStatus,
  DomainError,
  ErrorCode,
  foldVietnamese,
  dossierCodePrefix,
  DOSSIER_SEQUENCE_DIGITS,
  HistoryDraft,
  HistoryEntry,
  HistoryRecord,
  LocalDate,
  Scope,
} from '@motcua/domain';
import { OutboxMessage, OutboxRepository } from './outbox.repository';
import { CappedCount, cappedCount } from './capped-count';
import { inScope } from './scope-sql';

/** A new dossier: everything but what the database assigns (id, code, version). */
export type NewDossier = Omit<Dossier, 'id' | 'code' | 'version' | 'updatedAt'>;

/** The columns a transition may change. */
export type DossierChanges = Partial<Omit<Dossier, 'id' | 'code' | 'version' | 'updatedAt' | 'createdBy' | 'submittedAt'>>;

/** One change of a dossier: its columns, the history row that tells it, the events it publishes. */
export interface DossierChange {
  changes: DossierChanges;
  history: HistoryRecord;
  events?: OutboxMessage[];
}

export interface DossierQuery {
  status?: DossierStatus;
  procedureCode?: string;
  channel?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  dueFrom?: Date;
  dueTo?: Date;
  /** Open and past its due instant at `now`. */
  overdueAt?: Date;
  /** The receiving agency's code. */
  agencyCode?: string;
  search?: string;
  sort: 'receivedAt' | 'dueAt' | 'submittedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const COLUMNS: Record<keyof Omit<Dossier, 'id' | 'code' | 'version' | 'updatedAt'>, string> = {
  status: 'status',
  channel: 'channel',
  procedureCode: 'procedure_code',
  variantKey: 'variant_key',
  procedureName: 'procedure_name',
  procedureField: 'procedure_field',
  workflowVersion: 'workflow_version',
  workflowVariant: 'workflow_variant',
  legalTime: 'legal_time',
  supplementMode: 'supplement_mode',
  receivingAgencyId: 'receiving_agency_id',
  receivingUnitPath: 'receiving_unit_path',
  provinceCode: 'province_code',
  districtCode: 'district_code',
  communeCode: 'commune_code',
  applicant: 'applicant',
  proxy: 'proxy',
  documents: 'documents',
  notes: 'notes',
  verifier: 'verifier',
  submittedAt: 'submitted_at',
  receivedAt: 'received_at',
  countingStart: 'counting_start',
  dueAt: 'due_at',
  originalDueAt: 'original_due_at',
  pauses: 'pauses',
  supplementRequest: 'supplement_request',
  refusalReason: 'refusal_reason',
  resolvedAt: 'resolved_at',
  returnedAt: 'returned_at',
  returnMethod: 'return_method',
  closedAt: 'closed_at',
  finishedAt: 'finished_at',
  timeliness: 'timeliness',
  createdBy: 'created_by',
  routes: 'routes',
  apology: 'apology',
};
const JSON_COLUMNS = new Set(['legal_time', 'applicant', 'proxy', 'documents', 'pauses', 'supplement_request', 'routes', 'apology']);
/** Rows per query of a register book download. */
const REGISTER_BATCH = 1000;
const SORT_COLUMNS = { receivedAt: 'received_at', dueAt: 'due_at', submittedAt: 'submitted_at' } as const;

/** A `dossiers` row as the domain's Dossier (also for the reports' drill-down lists). */
export function toDossier(row: Record<string, unknown>): Dossier {
  const dossier = { id: row.id, code: row.code, version: row.version, updatedAt: row.updated_at } as Record<string, unknown>;
  for (const [field, column] of Object.entries(COLUMNS)) dossier[field] = row[column];
  return dossier as unknown as Dossier;
}

function toColumnValue(column: string, value: unknown): unknown {
  return JSON_COLUMNS.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value;
}

/**
 * Dossiers, their history and the outbox. A dossier is created by `file` and changed only by `change`,
 * on a row locked in the caller's transaction: the version-checked update, its history row and its
 * outbox events are written together.
 */
@Injectable()
export class DossiersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Files a new dossier in one statement: the next code of its receiving agency for the receipt date,
   * the dossier, its history entries and its events (their payload: the code). The agency's counter row
   * is locked only while that statement runs, so concurrent intakes (in any process) get consecutive
   * numbers without queueing behind one another's round trips; a failed intake gives its number back:
   * the sequence has no gaps.
   */
  async file(dossier: NewDossier, agencyCode: string, receiptDate: LocalDate, history: HistoryDraft[], topics: string[]): Promise<Dossier> {
    // History is stamped with the filing instant (the application's clock), not PostgreSQL's.
    const columns = Object.entries(COLUMNS);
    const values = columns.map(([field, column]) => toColumnValue(column, (dossier as Record<string, unknown>)[field]));
    const params = [
      dossier.receivingAgencyId,
      receiptDate,
      dossierCodePrefix(agencyCode, receiptDate),
      JSON.stringify(history.map(toHistoryRow)),
      topics,
      searchText(dossier),
      dossier.submittedAt,
      ...values,
    ];
    const [row] = await this.db.query(
      `WITH counter AS (
         INSERT INTO dossier_code_counters (agency_id, day, last_sequence) VALUES ($1, $2, 1)
         ON CONFLICT (agency_id, day) DO UPDATE SET last_sequence = dossier_code_counters.last_sequence + 1
         RETURNING last_sequence
       ), filed AS (
         INSERT INTO dossiers (code, applicant_search, ${columns.map(([, column]) => column).join(', ')})
         SELECT $3 || lpad(last_sequence::text, greatest(${DOSSIER_SEQUENCE_DIGITS}, length(last_sequence::text)), '0'), $6, ${columns.map((_, i) => `$${i + 8}`).join(', ')}
         FROM counter RETURNING *
       ), history AS (
         INSERT INTO dossier_history (dossier_id, at, action, from_status, to_status, actor_id, actor_name, agency_id, note, details)
         SELECT filed.id, $7, h.action, h.from_status, h.to_status, h.actor_id, h.actor_name, h.agency_id, h.note, h.details
         FROM filed, ROWS FROM (jsonb_to_recordset($4::jsonb) AS (action text, from_status text, to_status text, actor_id uuid, actor_name text, agency_id uuid, note text, details jsonb))
           WITH ORDINALITY AS h (action, from_status, to_status, actor_id, actor_name, agency_id, note, details, n)
         ORDER BY h.n
       ), events AS (
         INSERT INTO outbox (topic, aggregate_id, payload) SELECT topic, filed.id, jsonb_build_object('code', filed.code) FROM filed, unnest($5::text[]) AS topic
       )
       SELECT * FROM filed`,
      params,
    );
    return toDossier(row);
  }

  /**
   * The one way to change a dossier (locked by the caller): the columns, if nobody changed it since it
   * was read (else VERSION_CONFLICT), a history row from its status before to its status after, stamped
   * `at` by the application's clock like every deadline it is compared with, and the outbox events.
   */
  async change(tx: EntityManager, dossier: Dossier, { changes, history, events = [] }: DossierChange, at: Date): Promise<Dossier> {
    // A change that only records (a step completed, a step handed over) leaves the locked row as it is.
    const updated = Object.values(changes).some((value) => value !== undefined) ? await this.update(tx, dossier, changes) : dossier;
    const row = toHistoryRow({ ...history, fromStatus: dossier.status, toStatus: updated.status });
    await tx.query(
      `INSERT INTO dossier_history (dossier_id, at, action, from_status, to_status, actor_id, actor_name, agency_id, note, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [dossier.id, at, row.action, row.from_status, row.to_status, row.actor_id, row.actor_name, row.agency_id, row.note, row.details],
    );
    await this.outbox.append(tx, events);
    return updated;
  }

  private async update(tx: EntityManager, dossier: Dossier, changes: DossierChanges): Promise<Dossier> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const sets = entries.map(([field], i) => `${COLUMNS[field as keyof typeof COLUMNS]} = $${i + 3}`);
    const values = entries.map(([field, value]) => toColumnValue(COLUMNS[field as keyof typeof COLUMNS], value));
    const [row] = updatedRows(
      await tx.query(
        `UPDATE dossiers SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1 AND version = $2 RETURNING *`,
        [dossier.id, dossier.version, ...values],
      ),
    );
    if (!row) {
      throw new DomainError(ErrorCode.VERSION_CONFLICT, `Dossier ${dossier.code} was changed by someone else; reload it and try again`);
    }
    return toDossier(row);
  }

  /** The dossier, locked for the rest of the transaction (unscoped: the caller checked scope). */
  async lockByCode(tx: EntityManager, code: string): Promise<Dossier | null> {
    const [row] = await tx.query(`SELECT * FROM dossiers WHERE code = $1 FOR UPDATE`, [code]);
    return row ? toDossier(row) : null;
  }

  async lockById(tx: EntityManager, id: string): Promise<Dossier | null> {
    const [row] = await tx.query(`SELECT * FROM dossiers WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toDossier(row) : null;
  }

  /** Received dossiers whose processing is not over, in id order after `afterId` (for re-projection). */
  async openAfter(afterId: string, limit: number): Promise<Dossier[]> {
    const rows = await this.db.query(`SELECT * FROM dossiers WHERE received_at IS NOT NULL AND resolved_at IS NULL AND closed_at IS NULL AND id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
    return rows.map(toDossier);
  }

  /** Received dossiers waiting for the citizen's papers, asked for before an instant (for the 15-working-day limit). */
  async awaitingSupplement(requestedBefore: Date): Promise<Dossier[]> {
    const rows = await this.db.query(`SELECT * FROM dossiers WHERE status = 'SUPPLEMENT_REQUESTED' AND received_at IS NOT NULL AND open_supplement_since(pauses) < $1`, [requestedBefore]);
    return rows.map(toDossier);
  }

  async findById(id: string): Promise<Dossier | null> {
    const [row] = await this.db.query(`SELECT * FROM dossiers WHERE id = $1`, [id]);
    return row ? toDossier(row) : null;
  }

  async findByCode(scope: Scope, code: string): Promise<Dossier | null> {
    const params: unknown[] = [code];
    const [row] = await this.db.query(`SELECT * FROM dossiers WHERE code = $1 AND ${inScope(scope, 'receiving_unit_path', params)}`, params);
    return row ? toDossier(row) : null;
  }

  /** For the citizen lookup: by code alone, unscoped. */
  async findPublic(code: string): Promise<Dossier | null> {
    const [row] = await this.db.query(`SELECT * FROM dossiers WHERE code = $1`, [code]);
    return row ? toDossier(row) : null;
  }

  async list(scope: Scope, query: DossierQuery): Promise<{ items: Dossier[] } & CappedCount> {
    const params: unknown[] = [];
    const conditions = [inScope(scope, 'receiving_unit_path', params)];
    const where = (sql: string, ...values: unknown[]) => {
      let text = sql;
      for (const value of values) {
        params.push(value);
        text = text.replace('?', `$${params.length}`);
      }
      conditions.push(text);
    };
    if (query.status) where('status = ?', query.status);
    if (query.procedureCode) where('procedure_code = ?', query.procedureCode);
    if (query.channel) where('channel = ?', query.channel);
    if (query.receivedFrom) where('received_at >= ?', query.receivedFrom);
    if (query.receivedTo) where('received_at < ?', query.receivedTo);
    if (query.dueFrom) where('due_at >= ?', query.dueFrom);
    if (query.dueTo) where('due_at < ?', query.dueTo);
    if (query.overdueAt) where('closed_at IS NULL AND resolved_at IS NULL AND due_at < ?', query.overdueAt);
    if (query.agencyCode) where('receiving_agency_id = (SELECT id FROM agencies WHERE code = ?)', query.agencyCode);
    let source = 'dossiers';
    if (query.search) {
      const folded = foldVietnamese(query.search);
      if (/\d/.test(folded)) {
        // A code, by any part. The planner cannot tell how few rows a code pattern matches (it guesses
        // thousands) and would walk the sort's index past a million rows to find them: the matches are
        // read first, through the trigram index (OFFSET 0 keeps the planner from merging them back).
        params.push(`%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
        source = `(SELECT * FROM dossiers WHERE lower(code) LIKE $${params.length} OFFSET 0) dossiers`;
      } else {
        const words = nameWords(folded);
        if (words) where(`to_tsvector('simple', applicant_search) @@ to_tsquery('simple', ?)`, words);
        else conditions.push('FALSE');
      }
    }
    const filter = conditions.join(' AND ');
    const order = `${SORT_COLUMNS[query.sort]} ${query.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, code`;
    const rows = await this.db.query(`SELECT * FROM ${source} WHERE ${filter} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, query.limit, query.offset]);
    return { items: rows.map(toDossier), ...(await cappedCount(this.db, `FROM ${source} WHERE ${filter}`, params, { shown: rows.length, ...query })) };
  }

  async history(dossierId: string): Promise<HistoryEntry[]> {
    const rows = await this.db.query(`SELECT * FROM dossier_history WHERE dossier_id = $1 ORDER BY id`, [dossierId]);
    return rows.map((row: Record<string, unknown>) => ({
      id: String(row.id),
      at: row.at,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      actorName: row.actor_name,
      agencyId: row.agency_id,
      note: row.note,
      details: row.details,
    })) as HistoryEntry[];
  }

  /** A page of the register book (BM.06): one agency's dossiers received in [from, to), in order. */
  async registerPage(scope: Scope, agencyId: string, from: Date, to: Date, limit: number, offset: number): Promise<{ items: Dossier[]; total: number }> {
    const [filter, params] = registerFilter(scope, agencyId, from, to);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dossiers WHERE ${filter}`, params);
    const rows = await this.db.query(`SELECT * FROM dossiers WHERE ${filter} ORDER BY received_at, code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
    return { items: rows.map(toDossier), total };
  }

  /**
   * The whole register book of the period, read in keyset batches: memory holds one batch, however long
   * the book. Not a cursor: a cursor is one statement for as long as the client reads, and a slow
   * download of a big agency's year outlived the statement timeout and was cut off midway.
   */
  async *registerRows(scope: Scope, agencyId: string, from: Date, to: Date): AsyncGenerator<Dossier> {
    const [filter, params] = registerFilter(scope, agencyId, from, to);
    // The key is the timestamp as text: a JS Date drops the microseconds and would read the last row again.
    let after: { receivedAt: string; code: string } | null = null;
    for (;;) {
      const keyset: string = after ? ` AND (received_at, code) > ($${params.length + 2}::timestamptz, $${params.length + 3})` : '';
      const batch: Record<string, unknown>[] = await this.db.query(
        `SELECT *, received_at::text AS register_key FROM dossiers WHERE ${filter}${keyset} ORDER BY received_at, code LIMIT $${params.length + 1}`,
        [...params, REGISTER_BATCH, ...(after ? [after.receivedAt, after.code] : [])],
      );
      for (const row of batch) yield toDossier(row);
      if (batch.length < REGISTER_BATCH) return;
      const last = batch[batch.length - 1];
      after = { receivedAt: last.register_key as string, code: last.code as string };
    }
  }

  /** What the citizen's status page adds to the dossier: the receiving agency's name and their rating, if given. */
  async publicDetails(dossierId: string): Promise<{ agencyName: string; rating: { score: number; comment: string | null } | null }> {
    const [row] = await this.db.query(
      `SELECT a.name AS agency_name, r.score, r.comment
         FROM dossiers d JOIN agencies a ON a.id = d.receiving_agency_id LEFT JOIN dossier_ratings r ON r.dossier_id = d.id
        WHERE d.id = $1`,
      [dossierId],
    );
    return { agencyName: row.agency_name, rating: row.score === null ? null : { score: row.score, comment: row.comment } };
  }

  /** Records the citizen's one rating; false if the dossier was rated already. */
  async rate(dossierId: string, score: number, comment: string | null): Promise<boolean> {
    const rows = await this.db.query(`INSERT INTO dossier_ratings (dossier_id, score, comment) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING dossier_id`, [dossierId, score, comment]);
    return rows.length === 1;
  }
}

/** TypeORM answers an UPDATE on PostgreSQL with [rows, count], unlike a SELECT or an INSERT. */
function updatedRows(result: [Record<string, unknown>[], number]): Record<string, unknown>[] {
  return result[0];
}

/**
 * A search without digits looks for names: a text query for every word typed, whole, among the folded
 * names' words ("tran thi hoa" finds "Trần Thị Hoa", not "Trần Thị Hoàng"). Null when nothing is left
 * to look for. Words, not substrings: a trigram match of common names reads most of the table.
 */
function nameWords(folded: string): string | null {
  const words = folded
    .split(' ')
    .map((word) => word.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return words.length === 0 ? null : words.join(' & ');
}

function searchText(dossier: NewDossier): string {
  return foldVietnamese(`${dossier.applicant.fullName} ${dossier.proxy?.fullName ?? ''}`);
}

/** The register book's rows: one agency's dossiers received in [from, to), inside the scope. */
function registerFilter(scope: Scope, agencyId: string, from: Date, to: Date): [string, unknown[]] {
  const params: unknown[] = [agencyId, from, to];
  return [`receiving_agency_id = $1 AND received_at >= $2 AND received_at < $3 AND ${inScope(scope, 'receiving_unit_path', params)}`, params];
}

function toHistoryRow(entry: HistoryDraft) {
  return {
    action: entry.action,
    from_status: entry.fromStatus,
    to_status: entry.toStatus,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    agency_id: entry.agencyId,
    note: entry.note ?? null,
    details: entry.details ?? null,
  };
}
