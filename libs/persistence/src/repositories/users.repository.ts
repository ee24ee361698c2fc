import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@motcua/domain';
import { UserEntity } from '../entities';

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
}

export interface UserDraft {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  agencyId: string;
  email: string | null;
}

/** Users are looked up unscoped: authentication comes before there is a scope. */
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
      `SELECT u.id, u.username, u.full_name, u.role, u.password_hash, u.agency_id, a.code AS agency_code, un.path AS unit_path
       FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id
       WHERE ${condition} AND u.active AND a.active`,
      [value],
    );
    return row
      ? { id: row.id, username: row.username, fullName: row.full_name, role: row.role, passwordHash: row.password_hash, agencyId: row.agency_id, agencyCode: row.agency_code, unitPath: row.unit_path }
      : null;
  }

  count(): Promise<number> {
    return this.db.getRepository(UserEntity).count();
  }

  /** Creates the user, or updates name, role, agency and password of an existing username. */
  async upsert(draft: UserDraft): Promise<void> {
    await this.db
      .getRepository(UserEntity)
      .upsert({ ...draft, username: draft.username.toLowerCase() }, { conflictPaths: ['username'] });
  }
}
