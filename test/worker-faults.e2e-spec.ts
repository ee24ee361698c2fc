import type { INestApplicationContext } from '@nestjs/common';
import { deleteRedisKeys, withRedis } from '@motcua/testing';
import { OutboxRelay } from '../apps/worker/src/outbox/outbox-relay';
import { startApi, TestApi } from './support/api';
import { landDossier, workInboxes } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

const PROCESSORS = ['xuly.vpdk.nhatrang', 'xuly.thue.nhatrang'];

describe('worker faults', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ OUTBOX_REDELIVER_MS: '200', EVENT_RETRY_DELAY_MS: '20', SWEEP_INTERVAL_MS: '500' })));
  afterAll(() => api.close());

  const file = async (count: number) => {
    const counter = await api.login('tiepnhan.vinhhai');
    const codes: string[] = [];
    for (let i = 0; i < count; i++) codes.push((await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body.code);
    return codes;
  };

  /** Works every task in the processors' inboxes once; returns how many steps were completed. */
  const drive = () => workInboxes(api, PROCESSORS);

  const allResolved = async (codes: string[]) => {
    const rows = await api.env.query<{ code: string; status: string }>(`SELECT code, status FROM dossiers WHERE code = ANY($1)`, [codes]);
    return rows.every((row) => row.status === 'RESOLVED');
  };

  /** No step opened twice, no transition in the history twice. */
  const expectExactlyOnce = async (codes: string[]) => {
    const steps = await api.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = ANY($1) GROUP BY t.dossier_id, t.step_key`, [codes]);
    expect(steps).toHaveLength(codes.length * 4);
    expect(steps.every((row) => row.n === 1)).toBe(true);
    const history = await api.env.query<{ action: string; n: number }>(
      `SELECT h.action, count(*)::int AS n FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = ANY($1) GROUP BY h.action ORDER BY h.action`,
      [codes],
    );
    expect(history).toEqual([
      { action: 'accept', n: codes.length },
      { action: 'complete-step', n: codes.length * 3 },
      { action: 'resolve', n: codes.length },
      { action: 'start', n: codes.length },
      { action: 'submit', n: codes.length },
    ]);
  };

  it('loses nothing when Redis loses every key mid-run: the relay publishes the lost events again', async () => {
    const codes = await file(10);
    const worker: INestApplicationContext = await startWorker();
    try {
      await eventually(async () => expect((await drive()) > 0).toBe(true));
      await withRedis((redis) => deleteRedisKeys(redis, `${api.env.redisPrefix}:`));
      await file(0);
      await worker.get(OutboxRelay).redeliver();
      await eventually(async () => {
        await drive();
        await worker.get(OutboxRelay).redeliver();
        expect(await allResolved(codes)).toBe(true);
      }, 30_000);
      await expectExactlyOnce(codes);
    } finally {
      await worker.close();
    }
  }, 60_000);
});
