import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { foldVietnamese, type OnlineLevel, type ProcedureDefinition, type ProcedureLevel, type WorkflowDefinition } from '@motcua/domain';

export interface ProcedureQuery {
  field?: string;
  level?: ProcedureLevel;
  onlineLevel?: OnlineLevel;
  /** Words of the name, with or without diacritics. */
  search?: string;
  limit: number;
  offset: number;
}

export interface StoredProcedure {
  definition: ProcedureDefinition;
  active: boolean;
  updatedAt: Date;
}

export interface WorkflowVersion {
  procedureCode: string;
  /** null: the procedure's own workflow, which variants without one of their own use too. */
  variant: string | null;
  version: number;
  definition: WorkflowDefinition;
  publishedAt: Date;
}

interface ProcedureRow {
  definition: ProcedureDefinition;
  active: boolean;
  updated_at: Date;
}

interface VersionRow {
  procedure_code: string;
  variant_key: string;
  version: number;
  definition: WorkflowDefinition;
  published_at: Date;
}

const toProcedure = (row: ProcedureRow): StoredProcedure => ({ definition: row.definition, active: row.active, updatedAt: row.updated_at });
const toVersion = (row: VersionRow): WorkflowVersion => ({
  procedureCode: row.procedure_code,
  variant: row.variant_key === '' ? null : row.variant_key,
  version: row.version,
  definition: row.definition,
  publishedAt: row.published_at,
});

/** The catalog is national reference data: it is not scoped. */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ProcedureQuery): Promise<{ items: StoredProcedure[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.field) where('field = ?', query.field);
    if (query.level) where('level = ?', query.level);
    if (query.onlineLevel) where('online_level = ?', query.onlineLevel);
    for (const word of foldVietnamese(query.search ?? '')
      .split(' ')
      .filter(Boolean)) {
      where(`search_name LIKE ?`, `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    }
    const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM procedures ${filter}`, params);
    const rows: ProcedureRow[] = await this.db.query(`SELECT definition, active, updated_at FROM procedures ${filter} ORDER BY code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return { items: rows.map(toProcedure), total };
  }

  async get(code: string, manager: EntityManager = this.db.manager): Promise<StoredProcedure | null> {
    const [row]: ProcedureRow[] = await manager.query(`SELECT definition, active, updated_at FROM procedures WHERE code = $1`, [code]);
    return row ? toProcedure(row) : null;
  }

  /** Inserts or replaces the procedure's definition; a row whose data is the same is left alone. */
  async save(definition: ProcedureDefinition, active: boolean, manager: EntityManager = this.db.manager): Promise<'created' | 'updated' | 'unchanged'> {
    const [row]: { inserted: boolean }[] = await manager.query(
      `INSERT INTO procedures (code, name, search_name, field, level, online_level, definition, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, search_name = EXCLUDED.search_name, field = EXCLUDED.field,
         level = EXCLUDED.level, online_level = EXCLUDED.online_level, definition = EXCLUDED.definition,
         active = EXCLUDED.active, updated_at = now()
       WHERE (procedures.definition, procedures.active) IS DISTINCT FROM (EXCLUDED.definition, EXCLUDED.active)
       RETURNING (xmax = 0) AS inserted`,
      [definition.code, definition.name, foldVietnamese(definition.name), definition.field, definition.level, definition.onlineLevel, definition, active],
    );
    return row === undefined ? 'unchanged' : row.inserted ? 'created' : 'updated';
  }

  /**
   * Appends the next version of a workflow. The procedure row is locked for the transaction so two
   * concurrent publications get consecutive numbers, never the same one.
   */
  async publish(code: string, variant: string | null, definition: WorkflowDefinition, userId: string | null, manager?: EntityManager): Promise<WorkflowVersion> {
    const work = async (tx: EntityManager) => {
      await tx.query(`SELECT 1 FROM procedures WHERE code = $1 FOR UPDATE`, [code]);
      const [row]: VersionRow[] = await tx.query(
        `INSERT INTO workflow_versions (procedure_code, variant_key, version, definition, published_by)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM workflow_versions WHERE procedure_code = $1 AND variant_key = $2
         RETURNING *`,
        [code, variant ?? '', definition, userId],
      );
      return toVersion(row);
    };
    return manager ? work(manager) : this.db.transaction(work);
  }

  /** The newest version of each workflow (the procedure's own and each variant's) of the procedures. */
  async latestVersions(codes: string[]): Promise<WorkflowVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT DISTINCT ON (procedure_code, variant_key) * FROM workflow_versions
       WHERE procedure_code = ANY($1) ORDER BY procedure_code, variant_key, version DESC`,
      [codes],
    );
    return rows.map(toVersion);
  }

  async version(code: string, variant: string | null, version: number): Promise<WorkflowVersion | null> {
    const [row]: VersionRow[] = await this.db.query(`SELECT * FROM workflow_versions WHERE procedure_code = $1 AND variant_key = $2 AND version = $3`, [code, variant ?? '', version]);
    return row ? toVersion(row) : null;
  }

  /** Every procedure with every workflow version, for export. */
  async all(): Promise<{ procedures: StoredProcedure[]; versions: WorkflowVersion[] }> {
    const procedures: ProcedureRow[] = await this.db.query(`SELECT definition, active, updated_at FROM procedures ORDER BY code`);
    const versions: VersionRow[] = await this.db.query(`SELECT * FROM workflow_versions ORDER BY procedure_code, variant_key, version`);
    return { procedures: procedures.map(toProcedure), versions: versions.map(toVersion) };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
