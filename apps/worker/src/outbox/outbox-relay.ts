import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppConfig } from '@motcua/config';
import { OutboxRepository, OutboxRow } from '@motcua/persistence';
import { EventJob, QUEUES } from '@motcua/queue';

const BATCH = 500;
/** How long the relay sleeps without a notification; the poll catches anything a NOTIFY missed. */
const IDLE_POLL_MS = 1000;
/** Published events still without their effect after this long are published again. */
const REDELIVER_AFTER_MS = 30_000;

/**
 * Publishes committed outbox rows to BullMQ, job id = outbox id, then marks them sent. Woken by
 * PostgreSQL's NOTIFY on every outbox insert, polling as a fallback. If Redis is down, nothing is
 * marked and the rows wait; after a crash, unsent rows are published again (same job ids, no doubles),
 * and events whose jobs Redis lost are published again after REDELIVER_AFTER_MS.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private running = false;
  /** Set by a NOTIFY; checked before sleeping so a notification during a drain is never lost. */
  private notified = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.events) private readonly events: Queue<EventJob>,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.notified = true;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays until nothing is left; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.outbox.relay(BATCH, (rows) => this.publish(rows));
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  /** Publishes again what was sent but never handled (a flushed or restarted Redis lost the jobs). */
  async redeliver(olderThan: Date): Promise<number> {
    const rows = await this.outbox.unprocessed(olderThan, BATCH);
    if (rows.length > 0) await this.publish(rows);
    return rows.length;
  }

  private async run(): Promise<void> {
    let lastRedelivery = 0;
    while (this.running) {
      try {
        await this.drain();
        if (Date.now() - lastRedelivery > REDELIVER_AFTER_MS) {
          lastRedelivery = Date.now();
          const again = await this.redeliver(new Date(lastRedelivery - REDELIVER_AFTER_MS));
          if (again > 0) this.logger.warn(`Published ${again} outbox events again: their jobs were lost`);
        }
      } catch (error) {
        this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
      }
      if (this.notified) {
        this.notified = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.notified = false;
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    await this.events.addBulk(
      rows.map((row) => ({
        name: row.topic,
        data: { outboxId: row.id, aggregateId: row.aggregateId, payload: row.payload },
        opts: { jobId: `outbox-${row.id}` },
      })),
    );
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.config.DATABASE_URL });
    listener.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    listener.on('error', (error) => this.logger.warn(`Outbox listener lost: ${error.message}; polling`));
    try {
      await listener.connect();
      await listener.query('LISTEN outbox');
      this.listener = listener;
    } catch (error) {
      this.logger.warn(`Cannot LISTEN for the outbox (${(error as Error).message}); polling every ${IDLE_POLL_MS} ms`);
    }
  }
}
