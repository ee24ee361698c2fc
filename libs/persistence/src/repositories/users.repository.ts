import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@motcua/domain';
import { UserEntity } from '../entities';

export interface UserDraft {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  agencyId: string;
}

/** Users are looked up unscoped: authentication comes before there is a scope. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active user with their agency and its unit, or null. */
  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOne({
      where: { username: username.toLowerCase(), active: true, agency: { active: true } },
      relations: { agency: { unit: true } },
    });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOne({
      where: { id, active: true, agency: { active: true } },
      relations: { agency: { unit: true } },
    });
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
