import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** A claimed key whose request has not finished yet has status 0. */
const IN_PROGRESS = 0;

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims the key for this request. Returns null when this request now owns it, or what the first
   * request with the key left: its hash, and its response once it has finished (status 0 until then).
   */
  async claim(actorId: string, key: string, requestHash: string): Promise<StoredResponse | null> {
    const claimed = await this.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, 'null') ON CONFLICT DO NOTHING RETURNING key`,
      [actorId, key, requestHash, IN_PROGRESS],
    );
    return claimed.length === 1 ? null : this.find(actorId, key);
  }

  async find(actorId: string, key: string): Promise<StoredResponse | null> {
    const [row] = await this.db.query(`SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE actor_id = $1 AND key = $2`, [actorId, key]);
    return row ? { requestHash: row.request_hash, status: row.response_status, body: row.response_body } : null;
  }

  async complete(actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.query(`UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE actor_id = $1 AND key = $2`, [actorId, key, status, JSON.stringify(body)]);
  }

  /** The request failed: free the key so the client may retry. */
  async release(actorId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND response_status = $3`, [actorId, key, IN_PROGRESS]);
  }
}
