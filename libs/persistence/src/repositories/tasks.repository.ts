import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Role, Task } from '@motcua/domain';
import { CappedCount, cappedCount } from './capped-count';

export type NewTask = Omit<Task, 'id' | 'version' | 'completedAt' | 'completedBy' | 'action' | 'result' | 'note' | 'assigneeId' | 'status'>;

export interface InboxItem {
  task: Task;
  dossierCode: string;
  dossierStatus: string;
  procedureName: string;
  applicantName: string;
  dossierDueAt: Date | null;
}

/** A step open now, with the agency it waits at and the officer who took it. */
export interface OpenStep {
  task: Task;
  agencyCode: string;
  agencyName: string;
  assigneeName: string | null;
}

/** The agency one step of a dossier's workflow goes to, as resolved when the dossier was received. */
export interface RoutedStep {
  stepKey: string;
  agencyCode: string;
  agencyName: string;
}

export interface InboxQuery {
  agencyId: string;
  role: Role;
  /** Only tasks claimed by this user. */
  assigneeId?: string;
  overdueAt?: Date;
  dueSoonAt?: Date;
  /** Only the steps of this dossier. */
  dossierCode?: string;
  limit: number;
  offset: number;
}

export type NoticeKind = 'due_soon' | 'overdue';
const NOTICE_COLUMNS: Record<NoticeKind, { mark: string; noticed: string }> = {
  due_soon: { mark: 'due_soon_at', noticed: 'due_soon_noticed_at' },
  overdue: { mark: 'due_at', noticed: 'overdue_noticed_at' },
};

const COLUMNS: Record<keyof Omit<Task, 'id' | 'version'>, string> = {
  dossierId: 'dossier_id',
  stepKey: 'step_key',
  stepName: 'step_name',
  activation: 'activation',
  agencyId: 'agency_id',
  role: 'role',
  optional: 'optional',
  status: 'status',
  assigneeId: 'assignee_id',
  budget: 'budget',
  activatedAt: 'activated_at',
  dueSoonAt: 'due_soon_at',
  dueAt: 'due_at',
  completedAt: 'completed_at',
  completedBy: 'completed_by',
  action: 'action',
  result: 'result',
  note: 'note',
};

function toTask(row: Record<string, unknown>): Task {
  const task = { id: row.id, version: row.version } as Record<string, unknown>;
  for (const [field, column] of Object.entries(COLUMNS)) task[field] = row[column];
  return task as unknown as Task;
}

/** Tasks: the inbox items of the workflow. Writes happen inside the caller's transaction. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Opens step activations; one already open (same dossier, step and activation number) is left as it
   * is and not returned, so a second open of the same activation is a no-op by construction.
   */
  async insert(tx: EntityManager, tasks: NewTask[]): Promise<Task[]> {
    const created: Task[] = [];
    for (const task of tasks) {
      const [row] = await tx.query(
        `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, optional, status, budget, activated_at, due_soon_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11)
         ON CONFLICT ON CONSTRAINT tasks_activation_key DO NOTHING RETURNING *`,
        [task.dossierId, task.stepKey, task.stepName, task.activation, task.agencyId, task.role, task.optional, JSON.stringify(task.budget), task.activatedAt, task.dueSoonAt, task.dueAt],
      );
      if (row) created.push(toTask(row));
    }
    return created;
  }

  /** Applies changes if nobody changed the task since it was read; else VERSION_CONFLICT. */
  async update(tx: EntityManager, task: Task, changes: Partial<Omit<Task, 'id' | 'version'>>): Promise<Task> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const sets = entries.map(([field], i) => `${COLUMNS[field as keyof typeof COLUMNS]} = $${i + 3}`);
    const [rows] = await tx.query(`UPDATE tasks SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING *`, [
      task.id,
      task.version,
      ...entries.map(([, value]) => value),
    ]);
    if (!rows[0]) throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The task was changed by someone else; reload it and try again');
    return toTask(rows[0]);
  }

  /** Cancels the dossier's open and claimed tasks: they leave the inboxes (withdrawn, stopped, rejected). */
  async cancelOpen(tx: EntityManager, dossierId: string): Promise<void> {
    await tx.query(`UPDATE tasks SET status = 'cancelled', version = version + 1 WHERE dossier_id = $1 AND status IN ('open', 'claimed')`, [dossierId]);
  }

  /** Claims an open task for a user: exactly one of several concurrent claimers gets it. */
  async claim(taskId: string, userId: string): Promise<Task | null> {
    const [rows] = await this.db.query(`UPDATE tasks SET status = 'claimed', assignee_id = $2, version = version + 1 WHERE id = $1 AND status = 'open' RETURNING *`, [taskId, userId]);
    return rows[0] ? toTask(rows[0]) : null;
  }

  /** A task with the unit path of its agency (to check an administrator's scope). */
  async findWithUnit(taskId: string): Promise<{ task: Task; unitPath: string } | null> {
    const [row] = await this.db.query(`SELECT t.*, u.path AS unit_path FROM tasks t JOIN agencies a ON a.id = t.agency_id JOIN administrative_units u ON u.id = a.unit_id WHERE t.id = $1`, [taskId]);
    return row ? { task: toTask(row), unitPath: row.unit_path as string } : null;
  }

  /** The ids of the steps a user holds (claimed, not completed). */
  async claimedBy(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM tasks WHERE assignee_id = $1 AND status = 'claimed' ORDER BY activated_at`, [userId]);
    return rows.map((row) => row.id);
  }

  async find(taskId: string, manager: EntityManager = this.db.manager): Promise<Task | null> {
    const [row] = await manager.query(`SELECT * FROM tasks WHERE id = $1`, [taskId]);
    return row ? toTask(row) : null;
  }

  async lock(tx: EntityManager, taskId: string): Promise<Task | null> {
    const [row] = await tx.query(`SELECT * FROM tasks WHERE id = $1 FOR UPDATE`, [taskId]);
    return row ? toTask(row) : null;
  }

  /** Each step's latest activation: its state and its number. */
  async latest(tx: EntityManager, dossierId: string): Promise<Map<string, Task>> {
    const rows = await tx.query(`SELECT DISTINCT ON (step_key) * FROM tasks WHERE dossier_id = $1 ORDER BY step_key, activation DESC`, [dossierId]);
    return new Map(rows.map((row: Record<string, unknown>) => [row.step_key as string, toTask(row)]));
  }

  async forDossier(dossierId: string, manager: EntityManager = this.db.manager): Promise<Task[]> {
    const rows = await manager.query(`SELECT * FROM tasks WHERE dossier_id = $1 ORDER BY activated_at, step_key, activation`, [dossierId]);
    return rows.map(toTask);
  }

  /** The dossier's open steps (any agency, any role): where it is and who acts next. */
  async openSteps(dossierId: string): Promise<OpenStep[]> {
    const rows = await this.db.query(
      `SELECT t.*, a.code AS agency_code, a.name AS agency_name, u.full_name AS assignee_name
       FROM tasks t JOIN agencies a ON a.id = t.agency_id LEFT JOIN users u ON u.id = t.assignee_id
       WHERE t.dossier_id = $1 AND t.status IN ('open', 'claimed') ORDER BY t.activated_at, t.step_key`,
      [dossierId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      task: toTask(row),
      agencyCode: row.agency_code as string,
      agencyName: row.agency_name as string,
      assigneeName: row.assignee_name as string | null,
    }));
  }

  /** The agencies the dossier's steps are routed to; none before it is received. */
  async routes(dossierId: string): Promise<RoutedStep[]> {
    const rows: { step_key: string; agency_code: string; agency_name: string }[] = await this.db.query(
      `SELECT r.key AS step_key, a.code AS agency_code, a.name AS agency_name
       FROM dossiers d CROSS JOIN LATERAL jsonb_each_text(coalesce(d.routes, '{}'::jsonb)) r JOIN agencies a ON a.id = r.value::uuid
       WHERE d.id = $1 ORDER BY r.key`,
      [dossierId],
    );
    return rows.map((row) => ({ stepKey: row.step_key, agencyCode: row.agency_code, agencyName: row.agency_name }));
  }

  async inbox(query: InboxQuery): Promise<{ items: InboxItem[] } & CappedCount> {
    const conditions = [`t.agency_id = $1`, `t.role = $2`, `t.status IN ('open', 'claimed')`];
    const params: unknown[] = [query.agencyId, query.role];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.assigneeId) add('t.assignee_id = ?', query.assigneeId);
    if (query.overdueAt) add('t.due_at < ?', query.overdueAt);
    if (query.dueSoonAt) add('t.due_soon_at <= ?', query.dueSoonAt);
    if (query.dossierCode) add('t.dossier_id = (SELECT id FROM dossiers WHERE code = ?)', query.dossierCode);
    const where = conditions.join(' AND ');
    const rows = await this.db.query(
      `SELECT t.*, d.code AS dossier_code, d.status AS dossier_status, d.procedure_name, d.applicant->>'fullName' AS applicant_name, d.due_at AS dossier_due_at
       FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
       WHERE ${where} ORDER BY t.due_at NULLS LAST, t.activated_at LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return {
      ...(await cappedCount(this.db, `FROM tasks t WHERE ${where}`, params, { shown: rows.length, ...query })),
      items: rows.map((row: Record<string, unknown>) => ({
        task: toTask(row),
        dossierCode: row.dossier_code as string,
        dossierStatus: row.dossier_status as string,
        procedureName: row.procedure_name as string,
        applicantName: row.applicant_name as string,
        dossierDueAt: row.dossier_due_at as Date | null,
      })),
    };
  }

  /** Open tasks past their due-soon mark or their deadline whose notice is not handled yet, for the sweep. */
  async unnoticed(kind: NoticeKind, at: Date, limit: number): Promise<Task[]> {
    const { mark, noticed } = NOTICE_COLUMNS[kind];
    const rows = await this.db.query(`SELECT * FROM tasks WHERE status IN ('open', 'claimed') AND ${noticed} IS NULL AND ${mark} <= $1 ORDER BY ${mark} LIMIT $2`, [at, limit]);
    return rows.map(toTask);
  }

  /** The task's notice is handled (sent to whoever there was, or to nobody): the sweep stops finding it. */
  async markNoticed(taskId: string, kind: NoticeKind, at: Date): Promise<void> {
    const { noticed } = NOTICE_COLUMNS[kind];
    await this.db.query(`UPDATE tasks SET ${noticed} = $2 WHERE id = $1 AND ${noticed} IS NULL`, [taskId, at]);
  }
}
