import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AgencyKind, DomainError, ErrorCode, Scope } from '@motcua/domain';
import { AgencyEntity } from '../entities';
import { scopeCondition } from './scope-sql';

export interface AgencyQuery {
  kind?: AgencyKind;
  unitId?: string;
  search?: string;
  limit: number;
  offset: number;
}

export interface AgencyDraft {
  code: string;
  name: string;
  kind: AgencyKind;
  unitId: string;
  parentId: string | null;
}

export type AgencyPatch = Partial<Pick<AgencyEntity, 'name' | 'kind' | 'parentId' | 'active'>>;

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scope: Scope, query: AgencyQuery): Promise<{ items: AgencyEntity[]; total: number }> {
    const builder = this.scoped(scope);
    if (query.kind) builder.andWhere('agency.kind = :kind', { kind: query.kind });
    if (query.unitId) builder.andWhere('agency.unitId = :unitId', { unitId: query.unitId });
    if (query.search) {
      builder.andWhere('(agency.name ILIKE :search OR agency.code ILIKE :search)', { search: `%${escapeLike(query.search)}%` });
    }
    const [items, total] = await builder.orderBy('agency.code').take(query.limit).skip(query.offset).getManyAndCount();
    return { items, total };
  }

  findByCode(scope: Scope, code: string): Promise<AgencyEntity | null> {
    return this.scoped(scope).andWhere('agency.code = :code', { code }).getOne();
  }

  /** Which of these electronic ID codes belong to an agency (unscoped: for validating references). */
  async existingCodes(codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM agencies WHERE code = ANY($1)`, [codes]);
    return new Set(rows.map((row) => row.code));
  }

  /** An agency with its unit and parent, unscoped (for what a dossier's own slips print). */
  findById(id: string): Promise<AgencyEntity | null> {
    return this.db.getRepository(AgencyEntity).findOne({ where: { id }, relations: { unit: true, parent: true } });
  }

  /** Active agencies of a kind whose unit is exactly `unitPath`, by code (to resolve workflow performers). */
  async ofKindAt(kind: AgencyKind, unitPath: string): Promise<AgencyEntity[]> {
    return this.db
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .innerJoinAndSelect('agency.unit', 'unit')
      .where('agency.kind = :kind AND unit.path = :unitPath AND agency.active', { kind, unitPath })
      .orderBy('agency.code')
      .getMany();
  }

  /** The caller must have checked that the unit and the parent are in their scope. */
  async create(draft: AgencyDraft): Promise<AgencyEntity> {
    const repository = this.db.getRepository(AgencyEntity);
    try {
      const { id } = await repository.save(repository.create(draft));
      return await repository.findOneOrFail({ where: { id }, relations: { unit: true, parent: true } });
    } catch (error) {
      throw uniqueViolationToConflict(error, draft.code);
    }
  }

  /** Creates the agency or brings an existing one (same code) up to date; used by seeds. */
  async upsertByCode(draft: AgencyDraft): Promise<void> {
    await this.db.getRepository(AgencyEntity).upsert(draft, { conflictPaths: ['code'] });
  }

  async update(id: string, patch: AgencyPatch): Promise<AgencyEntity> {
    const repository = this.db.getRepository(AgencyEntity);
    await repository.update({ id }, patch);
    return repository.findOneOrFail({ where: { id }, relations: { unit: true, parent: true } });
  }

  private scoped(scope: Scope): SelectQueryBuilder<AgencyEntity> {
    const [inScope, params] = scopeCondition(scope, 'unit.path');
    return this.db.getRepository(AgencyEntity).createQueryBuilder('agency').innerJoinAndSelect('agency.unit', 'unit').leftJoinAndSelect('agency.parent', 'parent').where(inScope, params);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function uniqueViolationToConflict(error: unknown, code: string): unknown {
  if ((error as { code?: string }).code === '23505') {
    return new DomainError(ErrorCode.ALREADY_EXISTS, `Agency ${code} already exists`, { fields: [{ field: 'code', reason: 'is taken' }] });
  }
  return error;
}
