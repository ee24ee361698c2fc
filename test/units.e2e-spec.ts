import { startApi, TestApi } from './support/api';

describe('GET /api/units', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const list = async (username: string, query: Record<string, string | number> = {}) => {
    const response = await api
      .http()
      .get('/api/units')
      .query({ limit: 500, ...query })
      .set('Authorization', await api.login(username));
    expect(response.status).toBe(200);
    return response.body as { items: { code: string; level: string; path: string; name: string }[]; total: number };
  };

  it('shows a commune officer their commune and nothing else', async () => {
    const page = await list('tiepnhan.vinhhai');
    expect(page.total).toBe(1);
    expect(page.items).toEqual([expect.objectContaining({ code: '22330', name: 'Phường Vĩnh Hải', path: '56.568.22330' })]);
  });

  it('shows a district supervisor the district and its 22 communes, all inside 56.568', async () => {
    const page = await list('giamsat.nhatrang');
    expect(page.total).toBe(23);
    expect(page.items.every((unit) => unit.path === '56.568' || unit.path.startsWith('56.568.'))).toBe(true);
    expect(page.items.filter((unit) => unit.level === 'commune')).toHaveLength(22);
  });

  it('shows a province supervisor the province, its 9 districts and 132 communes before the reform', async () => {
    const page = await list('giamsat.tinh', { at: '2025-06-30' });
    expect(page.total).toBe(142);
    expect(page.items.filter((unit) => unit.level === 'district')).toHaveLength(9);
  });

  it('resolves codes at a date: after the reform province 56 has 65 communes and no districts', async () => {
    const page = await list('giamsat.tinh', { at: '2025-07-01' });
    expect(page.items.filter((unit) => unit.level === 'district')).toHaveLength(0);
    expect(page.items.filter((unit) => unit.level === 'commune')).toHaveLength(65);
    expect(page.total).toBe(66);
  });

  it('filters by level and parent, and pages', async () => {
    const communes = await list('giamsat.tinh', { at: '2025-03-01', level: 'commune', parent: '574' });
    expect(communes.total).toBe(17);
    expect(communes.items.every((unit) => unit.path.startsWith('56.574.'))).toBe(true);
    const page = await list('giamsat.tinh', { at: '2025-03-01', level: 'commune', limit: 5, offset: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(132);
  });

  it("never reaches outside the scope, even when asked for another district's communes", async () => {
    const page = await list('giamsat.nhatrang', { parent: '574' });
    expect(page.total).toBe(0);
  });

  it('rejects bad filters, naming each field', async () => {
    const response = await api
      .http()
      .get('/api/units')
      .query({ level: 'hamlet', at: '2025-02-30', parent: 'x', extra: 1 })
      .set('Authorization', await api.login('admin'));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual(['at', 'extra', 'level', 'parent']);
  });
});
