import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Scope } from '@motcua/domain';
import { inScope } from './scope-sql';

export interface AuditEntry {
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string;
  /** The request's method and route, e.g. `POST /api/dossiers/:code/accept`. */
  action: string;
  /** The kind of record changed (`dossiers`, `procedures`, `calendar`, `agencies`, `auth`…) and its key. */
  entity: string;
  entityKey: string | null;
  status: number;
  requestId: string | null;
  /** The actor's unit path; unknown for a login, whose claimed account's path is looked up. */
  scopePath: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: Date;
}

export interface AuditQuery {
  from?: Date;
  to?: Date;
  actor?: string;
  entity?: string;
  entityKey?: string;
  limit: number;
  offset: number;
}

/** The append-only audit log (the table refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_username, actor_role, ip, action, entity, entity_key, status, request_id, scope_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, (
         SELECT un.path FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id WHERE u.username = lower($2))))`,
      [entry.actorId, entry.actorUsername, entry.actorRole, entry.ip, entry.action, entry.entity, entry.entityKey, entry.status, entry.requestId, entry.scopePath],
    );
  }

  /** Newest first; only the entries of accounts inside the scope. */
  async list(scope: Scope, query: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
    const params: unknown[] = [];
    const conditions: string[] = [inScope(scope, 'scope_path', params)];
    const where = (condition: string, value: unknown) => conditions.push(condition.replace('?', `$${params.push(value)}`));
    if (query.from) where('at >= ?', query.from);
    if (query.to) where('at < ?', query.to);
    if (query.actor) where('actor_username = ?', query.actor);
    if (query.entity) where('entity = ?', query.entity);
    if (query.entityKey) where('entity_key = ?', query.entityKey);
    const filter = `WHERE ${conditions.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_log ${filter}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT * FROM audit_log ${filter} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return {
      total,
      items: rows.map((row) => ({
        id: String(row.id),
        at: row.at as Date,
        actorId: row.actor_id as string | null,
        actorUsername: row.actor_username as string | null,
        actorRole: row.actor_role as string | null,
        ip: row.ip as string,
        action: row.action as string,
        entity: row.entity as string,
        entityKey: row.entity_key as string | null,
        status: row.status as number,
        requestId: row.request_id as string | null,
        scopePath: row.scope_path as string | null,
      })),
    };
  }
}
