import { startApi, TestApi } from './support/api';

const LAND = '1.004227';

describe('procedure catalog', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startApi();
    admin = await api.login('quantri.hethong');
  });
  afterAll(() => api.close());

  const search = async (query: Record<string, string>) => {
    const response = await api.http().get('/api/procedures').query(query);
    expect(response.status).toBe(200);
    return response.body.items.map((item: { code: string }) => item.code) as string[];
  };

  it('lists the demo catalog publicly and searches names with or without diacritics', async () => {
    expect(await search({})).toEqual(['1.001193', '1.004227', '1.009645', '2.000488', '2.000720', '2.000815']);
    expect(await search({ q: 'khai sinh' })).toEqual(['1.001193']);
    expect(await search({ q: 'Đăng ký khai sinh' })).toEqual(['1.001193']);
    expect(await search({ q: 'DANG KY  KHAI SINH' })).toEqual(['1.001193']);
    expect(await search({ q: 'quyen su dung dat' })).toEqual([LAND]);
    expect(await search({ q: 'chứng thực bản sao' })).toEqual(['2.000815']);
    expect(await search({ level: 'province', onlineLevel: 'full' })).toEqual(['2.000488']);
    expect(await search({ field: 'Đất đai' })).toEqual([LAND]);
    expect(await search({ q: '100%_' })).toEqual([]);
  });

  it('shows a procedure with its current workflow', async () => {
    const response = await api.http().get(`/api/procedures/${LAND}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: LAND, level: 'district', legalTime: { amount: 10, unit: 'working_days' }, active: true });
    expect(response.body.workflows).toHaveLength(1);
    expect(response.body.workflows[0]).toMatchObject({ variant: null, version: 1 });
    expect(response.body.workflows[0].steps.map((step: { key: string }) => step.key)).toEqual(['tham-dinh', 'nghia-vu-tai-chinh', 'cap-giay', 'tra-ket-qua']);
    expect((await api.http().get('/api/procedures/9.999999')).status).toBe(404);
  });

  it('publishes a new version without touching the old one, which stays readable for dossiers that pinned it', async () => {
    const current = (await api.http().get(`/api/procedures/${LAND}`)).body.workflows[0];
    const steps = current.steps.map((step: { key: string; budget?: unknown }) => (step.key === 'tham-dinh' ? { ...step, budget: { amount: 2, unit: 'working_days' } } : step));
    const published = await api.http().post(`/api/procedures/${LAND}/workflow-versions`).set('Authorization', admin).send({ steps });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ procedureCode: LAND, variant: null, version: 2 });

    expect((await api.http().get(`/api/procedures/${LAND}`)).body.workflows[0].version).toBe(2);
    const first = await api.http().get(`/api/procedures/${LAND}/workflow-versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.steps[0].budget).toEqual({ amount: 3, unit: 'working_days' });
    expect((await api.http().get(`/api/procedures/${LAND}/workflow-versions/2`)).body.steps[0].budget).toEqual({ amount: 2, unit: 'working_days' });
  });

  it('numbers concurrent publications consecutively', async () => {
    const steps = (await api.http().get('/api/procedures/2.000720')).body.workflows[0].steps;
    const responses = await Promise.all([1, 2, 3].map(() => api.http().post('/api/procedures/2.000720/workflow-versions').set('Authorization', admin).send({ steps })));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(responses.map((response) => response.body.version).sort()).toEqual([2, 3, 4]);
  });

  it('reports every problem of a workflow at once, and publishes nothing', async () => {
    const response = await api
      .http()
      .post(`/api/procedures/${LAND}/workflow-versions`)
      .set('Authorization', admin)
      .send({
        steps: [
          { key: 'tham-dinh', kind: 'task', name: 'Thẩm định', performer: { agencyCode: '999.99.99.H56' }, role: 'JANITOR', budget: { amount: 3, unit: 'working_days' }, next: ['cap-giay'] },
          {
            key: 'cap-giay',
            kind: 'task',
            name: 'Cấp giấy',
            performer: { agencyKind: 'LAND_REGISTRY', level: 'district' },
            role: 'PROCESSOR',
            budget: { amount: 3, unit: 'working_days' },
            next: ['hop'],
          },
          { key: 'hop', kind: 'join', name: 'Hợp', next: ['tra'] },
          { key: 'tra', kind: 'task', name: 'Trả', performer: { receivingAgency: true }, role: 'RECEPTION', budget: { amount: 1, unit: 'working_days' }, next: [] },
        ],
      });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('UNPROCESSABLE');
    expect(response.body.details.fields).toEqual([
      { field: 'steps[0].role', reason: "unknown role 'JANITOR'" },
      { field: 'steps[0].performer.agencyCode', reason: "unknown agency '999.99.99.H56'" },
    ]);
    const structural = await api
      .http()
      .post(`/api/procedures/${LAND}/workflow-versions`)
      .set('Authorization', admin)
      .send({
        steps: [
          { key: 'a', kind: 'task', name: 'A', performer: { receivingAgency: true }, role: 'PROCESSOR', budget: { amount: 9, unit: 'working_days' }, next: ['hop'] },
          { key: 'hop', kind: 'join', name: 'Hợp', next: ['tra'] },
          { key: 'tra', kind: 'task', name: 'Trả', performer: { receivingAgency: true }, role: 'LEADER', budget: { amount: 1, unit: 'working_days' }, next: [] },
        ],
      });
    expect(structural.body.details.fields.map((problem: { reason: string }) => problem.reason)).toEqual([
      'a join without its fork: must name the fork step it closes',
      'missing return step: the workflow must end in one task for role RECEPTION (the return desk), ends in tra',
    ]);
    const typed = await api
      .http()
      .post(`/api/procedures/${LAND}/workflow-versions`)
      .set('Authorization', admin)
      .send({ steps: [{ key: 1, kind: 'task', name: 'x', next: 'a' }] });
    expect(typed.status).toBe(400);
    expect(typed.body.details.fields).toEqual([
      { field: 'steps[0].key', reason: 'key must be a string' },
      { field: 'steps[0].next', reason: 'next must be an array' },
    ]);
    const versions = (await api.http().get(`/api/procedures/${LAND}`)).body.workflows;
    expect(versions[0].version).toBe(2);
  });

  it("publishes a variant's own workflow and refuses an unknown variant", async () => {
    const steps = (await api.http().get('/api/procedures/1.001193')).body.workflows[0].steps;
    const ok = await api.http().post('/api/procedures/1.001193/workflow-versions').set('Authorization', admin).send({ variant: 'ket-hop-nhan-cha-me-con', steps });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ variant: 'ket-hop-nhan-cha-me-con', version: 1 });
    const unknown = await api.http().post('/api/procedures/1.001193/workflow-versions').set('Authorization', admin).send({ variant: 'khong-co', steps });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.fields).toEqual([{ field: 'variant', reason: "procedure 1.001193 has no variant 'khong-co'" }]);
  });

  it('lets ADMIN add and change procedures, naming each bad field', async () => {
    const body = {
      code: '1.000001',
      name: 'Thủ tục thử nghiệm',
      field: 'Thử nghiệm',
      level: 'commune',
      legalTime: { amount: 5, unit: 'working_days' },
      documents: [{ key: 'don', name: 'Đơn', originals: 1, copies: 0, mandatory: true }],
      fees: [],
      onlineLevel: 'none',
      leadAgencyKind: 'PEOPLES_COMMITTEE',
      coordinatingAgencyKinds: [],
    };
    const created = await api.http().post('/api/procedures').set('Authorization', admin).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '1.000001', supplementMode: 'restart', variants: [], workflows: [] });
    expect((await api.http().post('/api/procedures').set('Authorization', admin).send(body)).status).toBe(409);

    const changed = await api
      .http()
      .patch('/api/procedures/1.000001')
      .set('Authorization', admin)
      .send({ legalTime: { amount: 7, unit: 'working_days' }, active: false });
    expect(changed.body).toMatchObject({ legalTime: { amount: 7, unit: 'working_days' }, active: false, name: 'Thủ tục thử nghiệm' });

    const invalid = await api
      .http()
      .post('/api/procedures')
      .set('Authorization', admin)
      .send({
        ...body,
        code: '1.2',
        documents: [{ key: 'Đơn', name: 'Đơn', originals: -1, copies: 0, mandatory: 'yes' }],
        legalTime: { amount: 5, unit: 'weeks' },
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.fields).toEqual([
      { field: 'code', reason: 'code must be a national procedure code like 1.001193' },
      { field: 'legalTime.unit', reason: expect.stringContaining('unit must be one of the following values') },
      { field: 'documents[0].key', reason: 'key must be lowercase letters, digits and dashes' },
      { field: 'documents[0].originals', reason: 'originals must not be less than 0' },
      { field: 'documents[0].mandatory', reason: 'mandatory must be a boolean value' },
    ]);
    const duplicateKeys = await api
      .http()
      .post('/api/procedures')
      .set('Authorization', admin)
      .send({ ...body, code: '1.000002', documents: [body.documents[0], body.documents[0]] });
    expect(duplicateKeys.status).toBe(422);
    expect(duplicateKeys.body.details.fields).toEqual([{ field: 'documents[1].key', reason: "'don' is used twice" }]);
  });

  it('keeps writes to the system administrator: a unit ADMIN can neither rename a procedure nor route one to their own commune', async () => {
    const response = await api
      .http()
      .post(`/api/procedures/${LAND}/workflow-versions`)
      .set('Authorization', await api.login('lanhdao.nhatrang'))
      .send({ steps: [] });
    expect(response.status).toBe(403);
    expect((await api.http().post('/api/procedures').send({})).status).toBe(401);

    const communeAdmin = { username: 'quantri.vinhhai', fullName: 'Trần Văn Quản', role: 'ADMIN', agencyCode: '002.00.31.H56', password: 'Quan-Tri-Vinh-Hai-2025' };
    expect(
      (
        await api
          .http()
          .post('/api/users')
          .set('Authorization', await api.login('admin'))
          .send(communeAdmin)
      ).status,
    ).toBe(201);
    const criminalRecord = (await api.http().get('/api/procedures/2.000488')).body;
    const toOwnCommune = criminalRecord.workflows[0].steps.map((step: { performer: unknown }) => ({ ...step, performer: { agencyCode: '002.00.31.H56' } }));
    for (const username of ['admin', 'quantri.vinhhai']) {
      const token = await api.login(username, username === 'admin' ? undefined : communeAdmin.password);
      const renamed = await api.http().patch('/api/procedures/2.000488').set('Authorization', token).send({ name: 'Tên đã bị đổi' });
      const routed = await api.http().post('/api/procedures/2.000488/workflow-versions').set('Authorization', token).send({ steps: toOwnCommune });
      const imported = await api.http().post('/api/catalog/import').set('Authorization', token).send({});
      expect([renamed.status, routed.status, imported.status, renamed.body.code]).toEqual([403, 403, 403, 'FORBIDDEN']);
    }
    const after = (await api.http().get('/api/procedures/2.000488')).body;
    expect(after.name).toBe(criminalRecord.name);
    expect(after.workflows[0].version).toBe(criminalRecord.workflows[0].version);
  });

  it('exports the catalog and imports it again without changing anything; a changed workflow becomes a new version', async () => {
    const exported = await api.http().get('/api/catalog/export').set('Authorization', admin);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('motcua-catalog.json');
    const document = exported.body;
    expect(document.format).toBe('motcua-catalog/1');

    const again = await api.http().post('/api/catalog/import').set('Authorization', admin).send(document);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ proceduresCreated: 0, proceduresUpdated: 0, workflowsPublished: 0, workflowsUnchanged: 7 });

    const land = document.procedures.find((procedure: { code: string }) => procedure.code === LAND);
    const last = land.workflows[land.workflows.length - 1];
    land.workflows.push({ variant: null, steps: last.steps.map((step: { key: string; name: string }) => (step.key === 'cap-giay' ? { ...step, name: 'Cấp Giấy chứng nhận' } : step)) });
    const changed = await api.http().post('/api/catalog/import').set('Authorization', admin).send(document);
    expect(changed.body).toMatchObject({ workflowsPublished: 1, workflowsUnchanged: 6 });
    expect((await api.http().get(`/api/procedures/${LAND}`)).body.workflows[0].version).toBe(3);
  });

  it('imports all or nothing', async () => {
    const document = (await api.http().get('/api/catalog/export').set('Authorization', admin)).body;
    document.procedures[0].name = 'Tên mới sẽ không được lưu';
    document.procedures[1].workflows.push({
      variant: null,
      steps: [{ key: 'a', kind: 'task', name: 'A', performer: { receivingAgency: true }, role: 'PROCESSOR', budget: { amount: 1, unit: 'working_days' }, next: [] }],
    });
    const response = await api.http().post('/api/catalog/import').set('Authorization', admin).send(document);
    expect(response.status).toBe(422);
    expect(response.body.details.fields[0].field).toMatch(/^procedures\[1\]\.workflows\[\d+\]\.steps$/);
    expect((await api.http().get(`/api/procedures/${document.procedures[0].code}`)).body.name).not.toBe('Tên mới sẽ không được lưu');
  });
});
