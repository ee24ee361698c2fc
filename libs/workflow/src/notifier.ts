import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@motcua/config';
import { formatVietnameseDateTime } from '@motcua/domain';
import { DossiersRepository, Notification, NotificationsRepository, TasksRepository } from '@motcua/persistence';

export type NotificationKind = 'due_soon' | 'overdue';

/** A way out for notifications; stored ones are always readable at GET /api/notifications. */
export interface NotificationChannel {
  send(notification: Notification): Promise<void>;
}

/** POSTs each notification as JSON to a gateway (SMS, Zalo, e-mail). */
export class WebhookChannel implements NotificationChannel {
  constructor(private readonly url: string) {}

  async send(notification: Notification): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`Webhook answered ${response.status}`);
  }
}

/**
 * Tells a task's assignee and its agency's leaders and supervisors that the step is due soon or
 * overdue. The unique (task, kind, recipient) row makes it once per person, however many wake-ups and
 * sweeps find the same task.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);
  private readonly channel?: NotificationChannel;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly tasks: TasksRepository,
    private readonly dossiers: DossiersRepository,
    config: AppConfig,
  ) {
    if (config.NOTIFY_WEBHOOK_URL) this.channel = new WebhookChannel(config.NOTIFY_WEBHOOK_URL);
  }

  /** Notifies about a task if it is still open and past the mark; returns how many were created. */
  async notify(taskId: string, kind: NotificationKind, now: Date): Promise<number> {
    const task = await this.tasks.find(taskId);
    const mark = kind === 'overdue' ? task?.dueAt : task?.dueSoonAt;
    if (!task || (task.status !== 'open' && task.status !== 'claimed') || !mark || mark > now) return 0;
    const dossier = (await this.dossiers.findById(task.dossierId))!;
    const recipients = await this.notifications.recipientsFor(task.agencyId, task.assigneeId);
    const title = kind === 'overdue' ? `Quá hạn: ${task.stepName}` : `Sắp đến hạn: ${task.stepName}`;
    const body = `Hồ sơ ${dossier.code} (${dossier.procedureName}) – bước "${task.stepName}" hạn ${formatVietnameseDateTime(task.dueAt!)}.`;
    const created = await this.notifications.insertOnce(recipients.map((recipientId) => ({ taskId, dossierId: dossier.id, kind, recipientId, title, body })));
    for (const notification of created) await this.deliver(notification);
    return created.length;
  }

  private async deliver(notification: Notification): Promise<void> {
    if (!this.channel) return;
    try {
      await this.channel.send(notification);
      await this.notifications.markDelivered(notification.id, null);
    } catch (error) {
      this.logger.warn(`Notification ${notification.id} not delivered: ${(error as Error).message}`);
      await this.notifications.markDelivered(notification.id, (error as Error).message);
    }
  }
}
