import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An event to publish once the transaction that writes it commits. */
export interface OutboxMessage {
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export interface OutboxRow {
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  /** The current delivery's number: each delivery is a BullMQ job of its own. */
  delivery: number;
  failedDeliveries: number;
}

/** An outbox event that failed every attempt of several deliveries, kept for an administrator. */
export interface DeadLetter {
  id: string;
  outboxId: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  deadAt: Date;
  retriedAt: Date | null;
}

type Row = { id: string; topic: string; aggregate_id: string; payload: Record<string, unknown>; delivery: number; failed_deliveries: number };
const toOutboxRow = (row: Row): OutboxRow => ({
  id: String(row.id),
  topic: row.topic,
  aggregateId: row.aggregate_id,
  payload: row.payload,
  delivery: row.delivery,
  failedDeliveries: row.failed_deliveries,
});

const toDeadLetter = (row: Record<string, unknown>): DeadLetter => ({
  id: String(row.id),
  outboxId: String(row.outbox_id),
  topic: row.topic as string,
  aggregateId: row.aggregate_id as string,
  payload: row.payload as Record<string, unknown>,
  error: row.error as string,
  attempts: row.attempts as number,
  deadAt: row.dead_at as Date,
  retriedAt: row.retried_at as Date | null,
});

/** The transactional outbox, seen from the relay, from the handlers that consume it and from the dead-letter desk. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Where events are written: inside the transaction of the change they announce. */
  async append(tx: EntityManager, messages: OutboxMessage[]): Promise<void> {
    for (const message of messages) {
      await tx.query(`INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3)`, [message.topic, message.aggregateId, message.payload]);
    }
  }

  /**
   * Hands committed, unsent rows to `publish` and marks them sent, in one transaction. SKIP LOCKED lets
   * several relays share the work; if `publish` throws (Redis down), nothing is marked and the rows
   * are offered again next time.
   */
  /** Whether any committed row waits to be sent: one index probe, so the relay may ask often. */
  async hasUnsent(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL) AS waiting`);
    return row.waiting;
  }

  async relay(limit: number, publish: (rows: OutboxRow[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: Row[] = await tx.query(`SELECT id, topic, aggregate_id, payload, delivery, failed_deliveries FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
      if (rows.length === 0) return 0;
      await publish(rows.map(toOutboxRow));
      await tx.query(`UPDATE outbox SET sent_at = now(), checked_at = now() WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  /**
   * Records that an outbox event has had its effect, inside the handler's transaction when it has one;
   * false if it had already (a redelivery).
   */
  async markProcessed(outboxId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query(`INSERT INTO processed_events (outbox_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING outbox_id`, [outboxId]);
    return rows.length === 1;
  }

  /**
   * Published rows whose effect is recorded leave the redelivery pass's index for good. SKIP LOCKED:
   * two relays settling at once never wait on (or deadlock over) each other's rows.
   */
  async settle(tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE outbox SET settled_at = now() WHERE id IN (
         SELECT o.id FROM outbox o JOIN processed_events p ON p.outbox_id = o.id
         WHERE o.sent_at IS NOT NULL AND o.dead_at IS NULL AND o.settled_at IS NULL FOR UPDATE OF o SKIP LOCKED)`,
    );
  }

  /**
   * Published rows still without their effect, not looked at since `before` and not dead, oldest
   * first, locked for the caller's transaction (SKIP LOCKED: several relays share them). Each look
   * moves a row to the back (`checked_at`), so rows still in flight never hide a lost one.
   */
  async inFlight(tx: EntityManager, before: Date, limit: number): Promise<OutboxRow[]> {
    const rows: Row[] = await tx.query(
      `SELECT o.id, o.topic, o.aggregate_id, o.payload, o.delivery, o.failed_deliveries FROM outbox o
       WHERE o.sent_at IS NOT NULL AND o.dead_at IS NULL AND o.settled_at IS NULL AND o.checked_at < $1
         AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.outbox_id = o.id)
       ORDER BY o.checked_at, o.id LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toOutboxRow);
  }

  /** The row was looked at and is still on its way. */
  async touch(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`UPDATE outbox SET checked_at = now() WHERE id = ANY($1)`, [ids]);
  }

  /** The row goes out again as a new delivery (a new job id): its job was lost, or failed. */
  async nextDelivery(tx: EntityManager, id: string, failed: boolean): Promise<void> {
    await tx.query(`UPDATE outbox SET delivery = delivery + 1, failed_deliveries = failed_deliveries + $2::int, checked_at = now() WHERE id = $1`, [id, failed ? 1 : 0]);
  }

  /** The row failed its last delivery: it becomes a dead letter and is no longer published. */
  async bury(tx: EntityManager, row: OutboxRow, error: string, attempts: number): Promise<void> {
    await tx.query(`UPDATE outbox SET dead_at = now(), failed_deliveries = failed_deliveries + 1 WHERE id = $1`, [row.id]);
    await tx.query(
      `INSERT INTO dead_letters (outbox_id, topic, aggregate_id, payload, error, attempts, dead_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (outbox_id) DO UPDATE SET error = EXCLUDED.error, attempts = dead_letters.attempts + EXCLUDED.attempts, dead_at = now(), retried_at = NULL, retried_by = NULL`,
      [row.id, row.topic, row.aggregateId, row.payload, error, attempts],
    );
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async deadLetters(includeRetried: boolean, limit: number, offset: number): Promise<{ items: DeadLetter[]; total: number }> {
    const where = includeRetried ? 'TRUE' : 'retried_at IS NULL';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dead_letters WHERE ${where}`);
    const rows = await this.db.query(`SELECT * FROM dead_letters WHERE ${where} ORDER BY dead_at DESC, id DESC LIMIT $1 OFFSET $2`, [limit, offset]);
    return { items: rows.map(toDeadLetter), total };
  }

  /**
   * Sends a dead letter out again: its outbox row is unsent, with a new delivery and its failures
   * forgiven, so the relay publishes it as any other. Null if there is no such dead letter waiting.
   */
  async retry(id: string, userId: string): Promise<DeadLetter | null> {
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query(`UPDATE dead_letters SET retried_at = now(), retried_by = $2 WHERE id = $1 AND retried_at IS NULL RETURNING *`, [id, userId]);
      if (!rows[0]) return null;
      await tx.query(`UPDATE outbox SET dead_at = NULL, sent_at = NULL, failed_deliveries = 0, delivery = delivery + 1 WHERE id = $1`, [rows[0].outbox_id]);
      return toDeadLetter(rows[0]);
    });
  }
}
