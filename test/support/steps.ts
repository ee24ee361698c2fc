import { expect } from '@jest/globals';
import type { TestApi } from './api';
import { eventually } from './worker';

/** Waits until a step of the dossier (`step`, or any) is in the user's inbox, claims it and completes it with `action`. */
export async function workStep(api: TestApi, username: string, code: string, { step, action = 'forward' }: { step?: string; action?: string } = {}): Promise<void> {
  const token = await api.login(username);
  const task = await eventually(async () => {
    const items = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', token)).body.items as { id: string; stepKey: string }[];
    const found = items.find((item) => step === undefined || item.stepKey === step);
    expect(found).toBeDefined();
    return found!;
  }, 20_000);
  expect((await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', token)).status).toBe(200);
  expect((await api.http().post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send({ action })).status).toBe(200);
}

/** Works the three steps of the demo's land transfer (land registry, tax office, land registry): the dossier is RESOLVED. */
export async function resolveLandDossier(api: TestApi, code: string): Promise<void> {
  for (const username of ['xuly.vpdk.nhatrang', 'xuly.thue.nhatrang', 'xuly.vpdk.nhatrang']) await workStep(api, username, code);
  const token = await api.login('giamsat.tinh');
  await eventually(async () => expect((await api.http().get(`/api/dossiers/${code}`).set('Authorization', token)).body.status).toBe('RESOLVED'));
}
