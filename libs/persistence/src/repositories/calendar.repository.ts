import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CalendarOverride } from '@motcua/domain';
import { OutboxRepository } from './outbox.repository';

@Injectable()
export class CalendarRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Every national override, oldest first: the data the calendar snapshot is built from. */
  overrides(): Promise<CalendarOverride[]> {
    return this.db.query(`SELECT date, kind, reason FROM calendar_overrides ORDER BY date`);
  }

  /**
   * Replaces one year's overrides in one transaction, with an outbox row so the worker re-projects the
   * open deadlines the change moves.
   */
  async replaceYear(year: number, overrides: readonly CalendarOverride[], userId: string, changedTopic: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM calendar_overrides WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
      await this.outbox.append(manager, [{ topic: changedTopic, aggregateId: userId, payload: { year } }]);
      if (overrides.length === 0) return;
      await manager.query(
        `INSERT INTO calendar_overrides (date, kind, reason, updated_by)
         SELECT o.date, o.kind, o.reason, $4 FROM unnest($1::date[], $2::text[], $3::text[]) AS o(date, kind, reason)`,
        [overrides.map((o) => o.date), overrides.map((o) => o.kind), overrides.map((o) => o.reason), userId],
      );
    });
  }
}
