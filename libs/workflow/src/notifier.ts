import { Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@motcua/config';
import { formatVietnameseDateTime } from '@motcua/domain';
import { DossiersRepository, NoticeKind, Notification, NotificationsRepository, Recipient, TasksRepository } from '@motcua/persistence';

/** A way out for notifications; stored ones are always readable at GET /api/notifications. */
export interface NotificationChannel {
  readonly name: string;
  send(notification: Notification, recipient: Recipient): Promise<void>;
}

/** E-mail over SMTP, to the recipient's address. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(notification: Notification, recipient: Recipient): Promise<void> {
    if (!recipient.email) return;
    await this.transport.sendMail({ from: this.from, to: recipient.email, subject: notification.title, text: notification.body });
  }
}

/** POSTs each notification as JSON to a gateway (SMS, Zalo). */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

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
 * sweeps find the same task; delivery happens only for rows this call created.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);
  private readonly channels: NotificationChannel[] = [];

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly tasks: TasksRepository,
    private readonly dossiers: DossiersRepository,
    config: AppConfig,
  ) {
    if (config.SMTP_URL) this.channels.push(new EmailChannel(config.SMTP_URL, config.NOTIFY_EMAIL_FROM));
    if (config.NOTIFY_WEBHOOK_URL) this.channels.push(new WebhookChannel(config.NOTIFY_WEBHOOK_URL));
  }

  /** Notifies about a task if it is still open and past the mark; returns how many were created. */
  async notify(taskId: string, kind: NoticeKind, now: Date): Promise<number> {
    const task = await this.tasks.find(taskId);
    const mark = kind === 'overdue' ? task?.dueAt : task?.dueSoonAt;
    if (!task || (task.status !== 'open' && task.status !== 'claimed') || !mark || mark > now) return 0;
    const dossier = (await this.dossiers.findById(task.dossierId))!;
    const recipients = await this.notifications.recipientsFor(task);
    const title = kind === 'overdue' ? `Quá hạn: ${task.stepName}` : `Sắp đến hạn: ${task.stepName}`;
    const body = `Hồ sơ ${dossier.code} (${dossier.procedureName}) – bước "${task.stepName}" hạn ${formatVietnameseDateTime(task.dueAt!)}.`;
    const created = await this.notifications.insertOnce(
      recipients.map((recipient) => ({ taskId, dossierId: dossier.id, kind, recipientId: recipient.id, title, body })),
      now,
    );
    for (const notification of created)
      await this.deliver(
        notification,
        recipients.find((recipient) => recipient.id === notification.recipientId)!,
      );
    await this.tasks.markNoticed(taskId, kind, now);
    return created.length;
  }

  private async deliver(notification: Notification, recipient: Recipient): Promise<void> {
    if (this.channels.length === 0) return;
    const errors: string[] = [];
    for (const channel of this.channels) {
      await channel.send(notification, recipient).catch((error: Error) => errors.push(`${channel.name}: ${error.message}`));
    }
    if (errors.length > 0) this.logger.warn(`Notification ${notification.id} not fully delivered: ${errors.join('; ')}`);
    await this.notifications.markDelivered(notification.id, errors.length > 0 ? errors.join('; ') : null);
  }
}
