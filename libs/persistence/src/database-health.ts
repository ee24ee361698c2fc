import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The transaction a repository method runs inside, as its callers hold it (opaque outside persistence). */
export type Transaction = EntityManager;

/** Whether PostgreSQL answers, for health checks outside the API's terminus. */
@Injectable()
export class DatabaseHealth {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
