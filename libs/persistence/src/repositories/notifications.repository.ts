import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@motcua/domain';

export interface Notification {
  id: string;
  taskId: string;
  dossierId: string;
  kind: 'due_soon' | 'overdue';
  recipientId: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  deliveredAt: Date | null;
}

export interface Recipient {
  id: string;
  email: string | null;
}

export type NewNotification = Pick<Notification, 'taskId' | 'dossierId' | 'kind' | 'recipientId' | 'title' | 'body'>;

const toNotification = (row: Record<string, unknown>): Notification => ({
  id: row.id as string,
  taskId: row.task_id as string,
  dossierId: row.dossier_id as string,
  kind: row.kind as Notification['kind'],
  recipientId: row.recipient_id as string,
  title: row.title as string,
  body: row.body as string,
  createdAt: row.created_at as Date,
  readAt: row.read_at as Date | null,
  deliveredAt: row.delivered_at as Date | null,
});

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the notifications not stored before (one per task, kind and recipient) and returns those. */
  async insertOnce(notifications: NewNotification[], at: Date): Promise<Notification[]> {
    const created: Notification[] = [];
    for (const n of notifications) {
      const rows = await this.db.query(
        `INSERT INTO notifications (task_id, dossier_id, kind, recipient_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING RETURNING *`,
        [n.taskId, n.dossierId, n.kind, n.recipientId, n.title, n.body, at],
      );
      created.push(...rows.map(toNotification));
    }
    return created;
  }

  async markDelivered(id: string, error: string | null): Promise<void> {
    await this.db.query(`UPDATE notifications SET delivered_at = CASE WHEN $2::text IS NULL THEN now() END, delivery_error = $2 WHERE id = $1`, [id, error]);
  }

  async forRecipient(recipientId: string, limit: number, offset: number): Promise<{ items: Notification[]; total: number }> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM notifications WHERE recipient_id = $1`, [recipientId]);
    const rows = await this.db.query(`SELECT * FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`, [recipientId, limit, offset]);
    return { items: rows.map(toNotification), total };
  }

  /**
   * The users to tell about a task: its assignee, and its agency's leaders and supervisors. When that
   * is nobody (an unclaimed step at an agency without leaders), the officers of the step's role at the
   * agency, and the leaders and supervisors of the nearest unit above that has some, its own first.
   */
  async recipientsFor(task: { agencyId: string; assigneeId: string | null; role: Role }): Promise<Recipient[]> {
    const direct: Recipient[] = await this.db.query(`SELECT id, email FROM users WHERE active AND (id = $2 OR (agency_id = $1 AND role IN ('LEADER', 'SUPERVISOR'))) ORDER BY username`, [
      task.agencyId,
      task.assigneeId,
    ]);
    if (direct.length > 0) return direct;
    return this.db.query(
      `WITH unit AS (
         SELECT un.path FROM agencies a JOIN administrative_units un ON un.id = a.unit_id WHERE a.id = $1
       ), above AS (
         SELECT u.id, u.email, u.username, un.path FROM users u JOIN agencies a ON a.id = u.agency_id JOIN administrative_units un ON un.id = a.unit_id, unit
         WHERE u.active AND u.role IN ('LEADER', 'SUPERVISOR') AND (unit.path = un.path OR unit.path LIKE un.path || '.%')
       )
       SELECT id, email FROM users WHERE active AND agency_id = $1 AND role = $2
       UNION
       SELECT id, email FROM above WHERE length(path) = (SELECT max(length(path)) FROM above)`,
      [task.agencyId, task.role],
    );
  }
}
