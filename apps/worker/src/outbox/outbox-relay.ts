import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@motcua/config';
import { OutboxRepository, OutboxRow } from '@motcua/persistence';
import { EventJob, eventJobId, QUEUES } from '@motcua/queue';

const BATCH = 500;
/** Deliveries (each of the queue's attempts) an event may fail before it is a dead letter. */
export const MAX_FAILED_DELIVERIES = 3;
const IN_FLIGHT_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Publishes committed outbox rows to BullMQ, then marks them sent. It polls every OUTBOX_POLL_MS (one
 * index probe; no NOTIFY, which would serialise every writer's commit). If Redis is down, nothing is
 * marked and the rows wait; after a crash, unsent rows are published again (same job ids, no doubles).
 *
 * Every OUTBOX_REDELIVER_MS it looks at the jobs of events still without their effect: a job Redis
 * lost (flushed, keys deleted, an orphaned hash) or one that failed all its attempts (the database
 * was away) goes out again as a new delivery with a new job id, which BullMQ cannot ignore; after
 * MAX_FAILED_DELIVERIES failed deliveries the event is a dead letter and leaves the rotation.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.events) private readonly events: Queue<EventJob>,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
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

  /** Looks at the jobs of events sent a while ago and still without their effect; returns how many went out again. */
  async redeliver(): Promise<{ again: number; buried: number }> {
    return this.outbox.transaction(async (tx) => {
      await this.outbox.settle(tx);
      const rows = await this.outbox.inFlight(tx, new Date(Date.now() - this.config.OUTBOX_REDELIVER_MS), BATCH);
      const again: OutboxRow[] = [];
      const waiting: string[] = [];
      let buried = 0;
      for (const row of rows) {
        const job = await this.events.getJob(eventJobId(row.id, row.delivery));
        const state = job ? await job.getState() : 'unknown';
        if (IN_FLIGHT_STATES.has(state)) {
          waiting.push(row.id);
        } else if (state === 'failed' && row.failedDeliveries + 1 >= MAX_FAILED_DELIVERIES) {
          await this.outbox.bury(tx, row, job!.failedReason || 'failed', job!.attemptsMade);
          buried++;
        } else {
          // Lost, or failed with deliveries left, or completed without recording its effect.
          await this.outbox.nextDelivery(tx, row.id, state === 'failed');
          again.push({ ...row, delivery: row.delivery + 1 });
        }
      }
      await this.outbox.touch(tx, waiting);
      if (again.length > 0) await this.publish(again);
      return { again: again.length, buried };
    });
  }

  private async run(): Promise<void> {
    let lastRedelivery = 0;
    while (this.running) {
      try {
        if (await this.outbox.hasUnsent()) await this.drain();
        if (Date.now() - lastRedelivery > this.config.OUTBOX_REDELIVER_MS) {
          lastRedelivery = Date.now();
          const { again, buried } = await this.redeliver();
          if (again > 0) this.logger.warn(`Published ${again} outbox events again: their jobs were lost or failed`);
          if (buried > 0) this.logger.error(`${buried} outbox events failed every delivery: see GET /api/admin/dead-letters`);
        }
      } catch (error) {
        this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.OUTBOX_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    await this.events.addBulk(
      rows.map((row) => ({
        name: row.topic,
        // The row was written from the topic's payload type (libs/queue EventPayloads).
        data: { outboxId: row.id, aggregateId: row.aggregateId, payload: row.payload as EventJob['payload'] },
        opts: { jobId: eventJobId(row.id, row.delivery) },
      })),
    );
  }
}
