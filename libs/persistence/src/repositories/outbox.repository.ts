import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** The transactional outbox, seen from the relay and from the handlers that consume it. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Hands committed, unsent rows to `publish` and marks them sent, in one transaction. SKIP LOCKED lets
   * several relays share the work; if `publish` throws (Redis down), nothing is marked and the rows
   * are offered again next time.
   */
  async relay(limit: number, publish: (rows: OutboxRow[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string; topic: string; aggregate_id: string; payload: Record<string, unknown> }[] = await tx.query(
        `SELECT id, topic, aggregate_id, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(rows.map((row) => ({ id: String(row.id), topic: row.topic, aggregateId: row.aggregate_id, payload: row.payload })));
      await tx.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
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
   * Rows published a while ago whose effect is still missing: their job was lost (Redis flushed or
   * restarted without its data) or is still waiting. Publishing them again is safe: a job id that
   * still exists is ignored, and handlers are idempotent.
   */
  async unprocessed(olderThan: Date, limit: number): Promise<OutboxRow[]> {
    const rows: { id: string; topic: string; aggregate_id: string; payload: Record<string, unknown> }[] = await this.db.query(
      `SELECT o.id, o.topic, o.aggregate_id, o.payload FROM outbox o
       WHERE o.sent_at < $1 AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.outbox_id = o.id)
       ORDER BY o.id LIMIT $2`,
      [olderThan, limit],
    );
    return rows.map((row) => ({ id: String(row.id), topic: row.topic, aggregateId: row.aggregate_id, payload: row.payload }));
  }
}
