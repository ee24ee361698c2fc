import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
  async insertOnce(notifications: NewNotification[]): Promise<Notification[]> {
    const created: Notification[] = [];
    for (const n of notifications) {
      const rows = await this.db.query(
        `INSERT INTO notifications (task_id, dossier_id, kind, recipient_id, title, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING RETURNING *`,
        [n.taskId, n.dossierId, n.kind, n.recipientId, n.title, n.body],
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

  /** The users to tell about a task: its assignee, and its agency's leaders and supervisors. */
  async recipientsFor(agencyId: string, assigneeId: string | null): Promise<Recipient[]> {
    return this.db.query(
      `SELECT id, email FROM users WHERE active AND (id = $2 OR (agency_id = $1 AND role IN ('LEADER', 'SUPERVISOR'))) ORDER BY username`,
      [agencyId, assigneeId],
    );
  }
}
