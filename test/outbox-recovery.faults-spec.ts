import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { deleteRedisKeys, withRedis } from '@motcua/testing';
import { EventsProcessor } from '../apps/worker/src/events/events.processor';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';
import { startApi, TestApi } from './support/api';
import { freezeClock, landDossier } from './support/dossiers';
import { TcpProxy } from './support/tcp-proxy';
import { eventually, startWorker } from './support/worker';

/** Quick retries and redeliveries, so a lost or failed job shows within seconds. */
const FAST = { OUTBOX_REDELIVER_MS: '500', EVENT_RETRY_DELAY_MS: '20', SWEEP_INTERVAL_MS: '500' };

describe('events the queue lost or failed', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi(FAST)));
  afterAll(() => api.close());

  const file = async (count: number) => {
    const counter = await api.login('tiepnhan.vinhhai');
    const codes: string[] = [];
    for (let i = 0; i < count; i++) codes.push((await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body.code);
    return codes;
  };
  const statuses = async (codes: string[]) => {
    const rows = await api.env.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM dossiers WHERE code = ANY($1) GROUP BY status ORDER BY status`, [codes]);
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };
  /** A worker in this process whose database connections go through a proxy the test can take down. */
  const workerBehind = async (proxy: string): Promise<INestApplicationContext> => {
    const direct = process.env.DATABASE_URL;
    process.env.DATABASE_URL = proxy;
    try {
      return await startWorker();
    } finally {
      process.env.DATABASE_URL = direct;
    }
  };

  it('starts every dossier once the database is back, when their jobs failed every attempt while it was away (no restart, no person)', async () => {
    const { proxy, url } = await TcpProxy.in(api.env.databaseUrl);
    const worker = await workerBehind(url);
    try {
      const events = worker.get(EventsProcessor).worker;
      await events.pause();
      const codes = await file(30);
      // The relay publishes them; then the database goes away and the jobs run out of attempts.
      await eventually(async () => expect((await api.env.query(`SELECT 1 FROM outbox WHERE sent_at IS NULL`)).length).toBe(0));
      await proxy.down();
      events.resume();
      const queue = new Queue('dossier-events', { connection: { url: api.env.redisUrl }, prefix: api.env.redisPrefix });
      try {
        // 17 s: longer than five attempts with a 1-second exponential backoff take.
        await eventually(async () => expect(await queue.getFailedCount()).toBeGreaterThanOrEqual(30), 20_000);
        await sleep(Math.max(0, 17_000));
      } finally {
        await queue.close();
      }
      await proxy.up();
      await eventually(async () => expect(await statuses(codes)).toEqual({ IN_PROCESS: 30 }), 30_000);
      const starts = await api.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = ANY($1) AND h.action = 'start'`, [
        codes,
      ]);
      expect(starts[0].n).toBe(30);
    } finally {
      await worker.close();
      await proxy.down();
    }
  }, 90_000);

  it('dead-letters a poison event once, re-sends a lost one, and lets 500 healthy ones finish; an administrator can retry it', async () => {
    const worker = await startWorker();
    try {
      const events = worker.get(EventsProcessor).worker;
      await events.pause();
      const codes = await file(500);
      // Poison: an event about a dossier that does not exist fails every attempt.
      const [{ id: poison }] = await api.env.query<{ id: string }>(`INSERT INTO outbox (topic, aggregate_id, payload) VALUES ('dossier.received', gen_random_uuid(), '{}') RETURNING id`);
      await eventually(async () => expect((await api.env.query(`SELECT 1 FROM outbox WHERE sent_at IS NULL`)).length).toBe(0));
      // Lost: one healthy event's job is deleted from Redis after it was published.
      const [lost] = await api.env.query<{ id: string; code: string }>(
        `SELECT o.id, d.code FROM outbox o JOIN dossiers d ON d.id = o.aggregate_id WHERE d.code = $1 AND o.topic = 'dossier.received'`,
        [codes[250]],
      );
      const queue = new Queue('dossier-events', { connection: { url: api.env.redisUrl }, prefix: api.env.redisPrefix });
      try {
        const job = await queue.getJob(`outbox-${lost.id}-1`);
        expect(job).toBeDefined();
        await job!.remove();
      } finally {
        await queue.close();
      }
      events.resume();

      await eventually(async () => expect(await statuses(codes)).toEqual({ IN_PROCESS: 500 }), 60_000);
      // Events whose effect is recorded leave the redelivery pass for good; the lost one went out again.
      await eventually(async () => {
        const [rows] = await api.env.query<{ processed: number; settled: number }>(
          `SELECT count(p.outbox_id)::int AS processed, count(*) FILTER (WHERE o.settled_at IS NOT NULL)::int AS settled
           FROM outbox o LEFT JOIN processed_events p ON p.outbox_id = o.id`,
        );
        expect(rows.settled).toBe(rows.processed);
      }, 30_000);
      expect(await api.env.query(`SELECT delivery, settled_at IS NOT NULL AS settled FROM outbox WHERE id = $1`, [lost.id])).toEqual([{ delivery: 2, settled: true }]);
      const admin = await api.login('quantri.hethong');
      const letters = await eventually(async () => {
        const page = await api.http().get('/api/admin/dead-letters').set('Authorization', admin);
        expect(page.status).toBe(200);
        expect(page.body.items).toHaveLength(1);
        return page.body.items as { id: string; outboxId: string; topic: string; error: string; attempts: number }[];
      }, 30_000);
      expect(letters[0]).toMatchObject({ outboxId: poison, topic: 'dossier.received', attempts: 5 });
      expect(letters[0].error).toMatch(/not found/);
      // Dead, it is no longer published: its delivery count stays where it died.
      const [before] = await api.env.query<{ delivery: number; dead: boolean }>(`SELECT delivery, dead_at IS NOT NULL AS dead FROM outbox WHERE id = $1`, [poison]);
      await sleep(1500);
      expect(await api.env.query(`SELECT delivery, dead_at IS NOT NULL AS dead FROM outbox WHERE id = $1`, [poison])).toEqual([before]);
      expect(before).toEqual({ delivery: 3, dead: true });

      const retried = await api.http().post(`/api/admin/dead-letters/${letters[0].id}/retry`).set('Authorization', admin);
      expect(retried.status).toBe(200);
      expect((await api.http().post(`/api/admin/dead-letters/${letters[0].id}/retry`).set('Authorization', admin)).status).toBe(404);
      // Retried, it goes out again as a new delivery (and, still poison, dies again).
      await eventually(async () => expect((await api.env.query<{ delivery: number }>(`SELECT delivery FROM outbox WHERE id = $1`, [poison]))[0].delivery).toBeGreaterThan(3), 10_000);
      // A district's administrator does not run the system.
      expect(
        (
          await api
            .http()
            .get('/api/admin/dead-letters')
            .set('Authorization', await api.login('tiepnhan.vinhhai'))
        ).status,
      ).toBe(403);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('schedules the deadline sweep again when Redis lost it, without a restart', async () => {
    const worker = await startWorker();
    try {
      const [code] = await file(1);
      const [task] = await eventually(async () => {
        const rows = await api.env.query<{ id: string }>(`SELECT t.id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1`, [code]);
        expect(rows).toHaveLength(1);
        return rows;
      });
      await withRedis((redis) => deleteRedisKeys(redis, `${api.env.redisPrefix}:`));
      // Two months on: only a sweep can notice the step is overdue (its wake-up was in the deleted keys).
      freezeClock(worker, '2031-01-06 09:00');
      await eventually(async () => {
        const notices = await api.env.query(`SELECT 1 FROM notifications WHERE task_id = $1 AND kind = 'overdue'`, [task.id]);
        expect(notices.length).toBeGreaterThan(0);
      }, 30_000);
      // Scheduled again: a further check finds it there (BullMQ may be moving its next run at the instant of one look).
      await eventually(async () => expect(await worker.get(TimersProcessor).ensureSweepScheduled()).toBe(false));
    } finally {
      await worker.close();
    }
  }, 60_000);
});
