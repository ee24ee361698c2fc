import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope, UNIT_SETS, UnitFile, UnitLevel, UnitSetKey } from '@motcua/domain';
import { AdministrativeUnitEntity } from '../entities';
import { scopeCondition } from './scope-sql';

export interface UnitImportResult {
  set: string;
  inserted: number;
  updated: number;
  unchanged: number;
  successionsInserted: number;
}

export interface UnitQuery {
  at: string;
  level?: UnitLevel;
  parentCode?: string;
  limit: number;
  offset: number;
}

const IMPORT_BATCH = 2000;

@Injectable()
export class UnitsRepository {
  private readonly knownCommunes = new Set<string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Units in force at `at`, inside the scope. */
  async list(scope: Scope, query: UnitQuery): Promise<{ items: AdministrativeUnitEntity[]; total: number }> {
    const [inScope, params] = scopeCondition(scope, 'unit.path');
    const builder = this.db
      .getRepository(AdministrativeUnitEntity)
      .createQueryBuilder('unit')
      .where(inScope, params)
      .andWhere('(unit.validFrom IS NULL OR unit.validFrom <= :at)', { at: query.at })
      .andWhere('(unit.validTo IS NULL OR unit.validTo > :at)', { at: query.at });
    if (query.level) builder.andWhere('unit.level = :level', { level: query.level });
    if (query.parentCode) builder.andWhere('unit.parentCode = :parentCode', { parentCode: query.parentCode });
    const [items, total] = await builder.orderBy('unit.path').take(query.limit).skip(query.offset).getManyAndCount();
    return { items, total };
  }

  /** A unit by id, inside the scope, whatever its dates. */
  findById(scope: Scope, id: string): Promise<AdministrativeUnitEntity | null> {
    const [inScope, params] = scopeCondition(scope, 'unit.path');
    return this.db.getRepository(AdministrativeUnitEntity).createQueryBuilder('unit').where('unit.id = :id', { id }).andWhere(inScope, params).getOne();
  }

  /** A unit by its code inside the scope, the one in force now preferred. */
  async findByCodeInScope(scope: Scope, code: string): Promise<AdministrativeUnitEntity | null> {
    const [inScope, params] = scopeCondition(scope, 'unit.path');
    return this.db
      .getRepository(AdministrativeUnitEntity)
      .createQueryBuilder('unit')
      .where('unit.code = :code', { code })
      .andWhere(inScope, params)
      .orderBy('unit.validTo', 'DESC', 'NULLS FIRST')
      .getOne();
  }

  /** Whether a commune code exists in either unit set (addresses may still carry pre-reform codes). */
  /** Asked on every intake; a commune that exists does not stop existing, so the answer is kept. */
  async communeExists(code: string): Promise<boolean> {
    if (this.knownCommunes.has(code)) return true;
    const rows = await this.db.query(`SELECT 1 FROM administrative_units WHERE level = 'commune' AND code = $1 LIMIT 1`, [code]);
    if (rows.length > 0) this.knownCommunes.add(code);
    return rows.length > 0;
  }

  /** The names of a unit and its ancestors, province first ('56.568.22330' → three names). */
  async namesAlong(unitSet: UnitSetKey, path: string): Promise<string[]> {
    const parts = path.split('.');
    const paths = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
    const rows: { path: string; name: string }[] = await this.db.query(`SELECT path, name FROM administrative_units WHERE unit_set = $1 AND path = ANY($2)`, [unitSet, paths]);
    return paths.map((candidate) => rows.find((row) => row.path === candidate)?.name).filter((name): name is string => !!name);
  }

  /** A commune's name by code, preferring the unit in force now over a pre-reform one. */
  async communeName(code: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT name FROM administrative_units WHERE level = 'commune' AND code = $1 ORDER BY valid_to DESC NULLS FIRST LIMIT 1`, [code]);
    return row?.name ?? null;
  }

  findByPath(unitSet: UnitSetKey, path: string): Promise<AdministrativeUnitEntity | null> {
    return this.db.getRepository(AdministrativeUnitEntity).findOneBy({ unitSet, path });
  }

  /** The unit an agency belongs to (unscoped: it is the caller's own). */
  findOfAgency(agencyId: string): Promise<AdministrativeUnitEntity | null> {
    return this.db.getRepository(AdministrativeUnitEntity).createQueryBuilder('unit').innerJoin('agencies', 'agency', 'agency.unit_id = unit.id').where('agency.id = :agencyId', { agencyId }).getOne();
  }

  /**
   * Upserts one unit set and its succession links. Idempotent: rows whose data did not change are
   * left alone (and counted as unchanged), so re-importing a file changes nothing.
   */
  async importFile(file: UnitFile): Promise<UnitImportResult> {
    const { validFrom, validTo } = UNIT_SETS[file.set];
    const result: UnitImportResult = { set: file.set, inserted: 0, updated: 0, unchanged: 0, successionsInserted: 0 };
    await this.db.transaction(async (manager) => {
      for (let start = 0; start < file.units.length; start += IMPORT_BATCH) {
        const batch = file.units.slice(start, start + IMPORT_BATCH);
        const rows: { inserted: boolean }[] = await manager.query(
          `INSERT INTO administrative_units (unit_set, code, level, name, type, parent_code, path, valid_from, valid_to)
           SELECT $1, u.code, u.level, u.name, u.type, u.parent_code, u.path, $2::date, $3::date
           FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
             AS u(code, level, name, type, parent_code, path)
           ON CONFLICT (unit_set, level, code) DO UPDATE
             SET name = EXCLUDED.name, type = EXCLUDED.type, parent_code = EXCLUDED.parent_code,
                 path = EXCLUDED.path, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to
             WHERE (administrative_units.name, administrative_units.type, administrative_units.parent_code,
                    administrative_units.path, administrative_units.valid_from, administrative_units.valid_to)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.parent_code,
                    EXCLUDED.path, EXCLUDED.valid_from, EXCLUDED.valid_to)
           RETURNING (xmax = 0) AS inserted`,
          [
            file.set,
            validFrom,
            validTo,
            batch.map((unit) => unit.code),
            batch.map((unit) => unit.level),
            batch.map((unit) => unit.name),
            batch.map((unit) => unit.type),
            batch.map((unit) => unit.parentCode),
            batch.map((unit) => unit.path),
          ],
        );
        const inserted = rows.filter((row) => row.inserted).length;
        result.inserted += inserted;
        result.updated += rows.length - inserted;
        result.unchanged += batch.length - rows.length;
      }
      for (let start = 0; start < file.successions.length; start += IMPORT_BATCH) {
        const batch = file.successions.slice(start, start + IMPORT_BATCH);
        const rows: unknown[] = await manager.query(
          `INSERT INTO unit_successions (old_level, old_code, new_level, new_code, kind, effective_on)
           SELECT s.old_level, s.old_code, s.new_level, s.new_code, s.kind, $1::date
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
             AS s(old_level, old_code, new_level, new_code, kind)
           ON CONFLICT ON CONSTRAINT unit_successions_link_key DO NOTHING
           RETURNING id`,
          [validFrom, batch.map((link) => link.oldLevel), batch.map((link) => link.oldCode), batch.map((link) => link.newLevel), batch.map((link) => link.newCode), batch.map((link) => link.kind)],
        );
        result.successionsInserted += rows.length;
      }
    });
    return result;
  }

  /** How many units each set holds, per level (for the importer's report and the tests). */
  async countBySet(): Promise<Record<string, Partial<Record<UnitLevel, number>>>> {
    const rows: { unit_set: string; level: UnitLevel; count: number }[] = await this.db.query(`SELECT unit_set, level, count(*)::int AS count FROM administrative_units GROUP BY unit_set, level`);
    const counts: Record<string, Partial<Record<UnitLevel, number>>> = {};
    for (const row of rows) (counts[row.unit_set] ??= {})[row.level] = row.count;
    return counts;
  }
}
