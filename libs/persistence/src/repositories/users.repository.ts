import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Role } from '@motcua/domain';
import type { Scope } from '@motcua/domain';
import { UserEntity } from '../entities';
import { inScope as scopedTo } from './scope-sql';

export interface ActiveUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  passwordHash: string;
  agencyId: string;
  agencyCode: string;
  /** The agency's unit path: the user's scope. */
  unitPath: string;
  /** Tokens issued under another version are refused: bumped by a new password and by deactivation. */
  tokenVersion: number;
}

export interface UserDraft {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  agencyId: string;
  email: string | null;
}

/** A user as administrators see it (never the password hash). */
export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  email: string | null;
  active: boolean;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  createdAt: Date;
}

export interface UserQuery {
  agencyCode?: string;
  role?: Role;
  /** Part of the username or the full name. */
  q?: string;
  active?: boolean;
  /** Accounts of these roles are left out (the system administrators, for a unit's administrator). */
  hiddenRoles?: Role[];
  limit: number;
  offset: number;
}

export type UserPatch = Partial<Pick<UserDraft, 'fullName' | 'role' | 'agencyId' | 'email' | 'passwordHash'>> & { active?: boolean; revokeTokens?: true };

const USER_SELECT = `SELECT u.id, u.username, u.full_name, u.role, u.email, u.active, u.created_at, a.id AS agency_id, a.code AS agency_code, a.name AS agency_name
  FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id`;

/** Authentication looks users up unscoped (it comes before there is a scope); administration inside the caller's scope. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active user of an active agency, with what authorisation needs; null otherwise. */
  async findActiveByUsername(username: string): Promise<ActiveUser | null> {
    return this.findActive('u.username = $1', username.toLowerCase());
  }

  /** Runs on every authenticated request, so it is one indexed join, not an ORM graph. */
  async findActiveById(id: string): Promise<ActiveUser | null> {
    return this.findActive('u.id = $1', id);
  }

  private async findActive(condition: string, value: string): Promise<ActiveUser | null> {
    const [row] = await this.db.query(
      `SELECT u.id, u.username, u.full_name, u.role, u.password_hash, u.agency_id, a.code AS agency_code, un.path AS unit_path, u.token_version
       FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id
       WHERE ${condition} AND u.active AND a.active`,
      [value],
    );
    return row
      ? {
          id: row.id,
          username: row.username,
          fullName: row.full_name,
          role: row.role,
          passwordHash: row.password_hash,
          agencyId: row.agency_id,
          agencyCode: row.agency_code,
          unitPath: row.unit_path,
          tokenVersion: row.token_version,
        }
      : null;
  }

  async list(scope: Scope, query: UserQuery): Promise<{ items: UserRecord[]; total: number }> {
    const params: unknown[] = [];
    const conditions = [inScope(scope, params)];
    const where = (condition: string, value: unknown) => conditions.push(condition.replaceAll('?', `$${params.push(value)}`));
    if (query.agencyCode) where('a.code = ?', query.agencyCode);
    if (query.role) where('u.role = ?', query.role);
    if (query.active !== undefined) where('u.active = ?', query.active);
    if (query.hiddenRoles?.length) where('u.role <> ALL(?)', query.hiddenRoles);
    if (query.q) where(`(u.username ILIKE ? OR u.full_name ILIKE ?)`, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
    const filter = conditions.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id WHERE ${filter}`,
      params,
    );
    const rows = await this.db.query(`${USER_SELECT} WHERE ${filter} ORDER BY a.code, u.username LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, query.limit, query.offset]);
    return { items: rows.map(toUserRecord), total };
  }

  async findByUsername(scope: Scope, username: string): Promise<UserRecord | null> {
    const params: unknown[] = [username.toLowerCase()];
    const [row] = await this.db.query(`${USER_SELECT} WHERE u.username = $1 AND ${inScope(scope, params)}`, params);
    return row ? toUserRecord(row) : null;
  }

  async create(draft: UserDraft): Promise<void> {
    await this.db
      .query(`INSERT INTO users (username, password_hash, full_name, role, agency_id, email) VALUES ($1, $2, $3, $4, $5, $6)`, [
        draft.username.toLowerCase(),
        draft.passwordHash,
        draft.fullName,
        draft.role,
        draft.agencyId,
        draft.email,
      ])
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw DomainError.field('username', 'is taken', ErrorCode.ALREADY_EXISTS);
        throw error;
      });
  }

  async update(id: string, patch: UserPatch): Promise<void> {
    const columns: Record<Exclude<keyof UserPatch, 'revokeTokens'>, string> = {
      fullName: 'full_name',
      role: 'role',
      agencyId: 'agency_id',
      email: 'email',
      passwordHash: 'password_hash',
      active: 'active',
    };
    const changes = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => patch[key] !== undefined);
    const sets = changes.map((key, i) => `${columns[key]} = $${i + 2}`).concat(patch.revokeTokens ? ['token_version = token_version + 1'] : []);
    if (sets.length === 0) return;
    await this.db.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, [id, ...changes.map((key) => patch[key])]);
  }

  count(): Promise<number> {
    return this.db.getRepository(UserEntity).count();
  }

  /** Creates the user, or updates name, role, agency and password of an existing username. */
  async upsert(draft: UserDraft): Promise<void> {
    await this.db.getRepository(UserEntity).upsert({ ...draft, username: draft.username.toLowerCase() }, { conflictPaths: ['username'] });
  }
}

/** The scope condition on the user's agency unit, its parameters appended to `params`. */
function inScope(scope: Scope, params: unknown[]): string {
  return scopedTo(scope, 'un.path', params);
}

function toUserRecord(row: Record<string, unknown>): UserRecord {
  return {
    id: row.id as string,
    username: row.username as string,
    fullName: row.full_name as string,
    role: row.role as Role,
    email: row.email as string | null,
    active: row.active as boolean,
    agencyId: row.agency_id as string,
    agencyCode: row.agency_code as string,
    agencyName: row.agency_name as string,
    createdAt: row.created_at as Date,
  };
}
