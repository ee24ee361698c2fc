import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Secrets the system generated itself, shared by every process on the database. */
@Injectable()
export class SecretsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The stored secret of this name; the first caller's `generated` value becomes it. */
  async getOrCreate(name: string, generated: string): Promise<string> {
    await this.db.query(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, generated]);
    const [row] = await this.db.query(`SELECT value FROM app_secrets WHERE name = $1`, [name]);
    return row.value;
  }
}
