import { expect, jest } from '@jest/globals';
import { Clock } from '@motcua/config';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestApi } from './api';

/** The land-transfer dossier of the demo, complete, as the counter at Phường Vĩnh Hải takes it in. */
export function landDossier(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.004227',
    channel: 'counter',
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Thị Hồng Thủy',
      idNumber: '056185001234',
      dateOfBirth: '1985-04-12',
      phone: '0905123456',
      email: 'thuy.nguyen@example.vn',
      address: { line: '12 Trần Phú', communeCode: '22330' },
    },
    documents: [
      { key: 'don-dang-ky', originals: 1, copies: 0 },
      { key: 'hop-dong', originals: 1, copies: 0 },
      { key: 'giay-chung-nhan', originals: 1, copies: 0 },
      { key: 'to-khai-thue', originals: 1, copies: 0 },
    ],
    ...overrides,
  };
}

/** A certified copy (2.000815) at the same counter: the commune's processor and leader, then the return desk. */
export const CERTIFIED_COPY = landDossier({
  procedureCode: '2.000815',
  documents: [
    { key: 'ban-chinh', originals: 1, copies: 0 },
    { key: 'ban-sao', originals: 0, copies: 1 },
  ],
});

/** An investment policy decision (1.009645): its workflow forks into two opinions and joins before the decision. */
export const INVESTMENT = {
  procedureCode: '1.009645',
  channel: 'counter',
  applicant: { kind: 'organisation', fullName: 'Công ty TNHH Biển Xanh', idNumber: '4201234567', phone: '02583812345', address: { line: '01 Trần Phú', communeCode: '22330' } },
  documents: [
    { key: 'van-ban-de-nghi', originals: 1, copies: 0 },
    { key: 'de-xuat-du-an', originals: 1, copies: 3 },
    { key: 'nang-luc-tai-chinh', originals: 0, copies: 1 },
  ],
};

/** The verifier printed on a dossier's receipt (random: read where the counter reads it). */
export async function verifierOf(api: TestApi, code: string): Promise<string> {
  const [row] = await api.env.query<{ verifier: string }>(`SELECT verifier FROM dossiers WHERE code = $1`, [code]);
  return row.verifier;
}

/** Files a dossier through the API as a counter officer (Phường Vĩnh Hải's by default); returns the API's answer. */
export async function fileDossier(api: TestApi, body: Record<string, unknown>, counter = 'tiepnhan.vinhhai') {
  const response = await api
    .http()
    .post('/api/dossiers')
    .set('Authorization', await api.login(counter))
    .send(body);
  expect(response.status).toBe(201);
  return response.body;
}

/** Today in Vietnam, as YYYY-MM-DD. */
export const todayInVietnam = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Freezes an app's clock (the API's, or a worker's) at a Vietnamese local time ('2025-01-24 16:00'); returns a function to move it. */
export function freezeClock(app: TestApi | INestApplicationContext, local: string): (local: string) => void {
  const clock = ('app' in app ? app.app : app).get(Clock);
  let now = toInstant(local);
  jest.spyOn(clock, 'now').mockImplementation(() => now);
  return (next) => {
    now = toInstant(next);
  };
}

function toInstant(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`);
}

/** Claims and forwards every task in these users' inboxes once; returns how many steps were completed. */
export async function workInboxes(api: TestApi, usernames: string[]): Promise<number> {
  let completed = 0;
  for (const username of usernames) {
    const token = await api.login(username);
    const inbox = await api.http().get('/api/tasks').query({ limit: 500 }).set('Authorization', token);
    for (const task of inbox.body.items as { id: string; status: string }[]) {
      if (task.status === 'open') await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', token);
      const done = await api.http().post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send({ action: 'forward' });
      if (done.status === 200) completed++;
    }
  }
  return completed;
}
