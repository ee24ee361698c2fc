import { selfSignedPkcs12 } from '@motcua/signing';
import { startApi, TestApi } from './support/api';

describe('agencies', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const unitId = async (path: string) => {
    const response = await api
      .http()
      .get('/api/units')
      .query({ at: '2025-03-01', limit: 500 })
      .set('Authorization', await api.login('admin'));
    return response.body.items.find((unit: { path: string }) => unit.path === path).id as string;
  };

  it("lists the agencies of the caller's scope only", async () => {
    const district = await api
      .http()
      .get('/api/agencies')
      .set('Authorization', await api.login('giamsat.nhatrang'));
    expect(district.status).toBe(200);
    expect(district.body.items.map((agency: { code: string }) => agency.code).sort()).toEqual(['000.00.31.H56', '001.00.20.H56', '001.01.12.H56', '002.00.31.H56', '009.00.31.H56']);
    const commune = await api
      .http()
      .get('/api/agencies')
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(commune.body.items.map((agency: { code: string }) => agency.code)).toEqual(['002.00.31.H56']);
  });

  it('answers 404 for an agency outside the scope, as for one that does not exist', async () => {
    const outside = await api
      .http()
      .get('/api/agencies/000.00.37.H56')
      .set('Authorization', await api.login('giamsat.nhatrang'));
    const missing = await api
      .http()
      .get('/api/agencies/999.99.99.H56')
      .set('Authorization', await api.login('giamsat.nhatrang'));
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('NOT_FOUND');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Agency 999.99.99.H56 not found');
  });

  it('lets ADMIN create and change an agency, with its unit and parent', async () => {
    const admin = await api.login('admin');
    const created = await api
      .http()
      .post('/api/agencies')
      .set('Authorization', admin)
      .send({
        code: '003.00.31.H56',
        name: 'Ủy ban nhân dân phường Vĩnh Phước',
        kind: 'PEOPLES_COMMITTEE',
        unitId: await unitId('56.568.22333'),
        parentCode: '000.00.31.H56',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '003.00.31.H56', active: true, parentCode: '000.00.31.H56', unit: { code: '22333', level: 'commune' } });

    const changed = await api.http().patch('/api/agencies/003.00.31.H56').set('Authorization', admin).send({ name: 'UBND phường Vĩnh Phước', active: false });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'UBND phường Vĩnh Phước', active: false, parentCode: '000.00.31.H56' });

    const seenByDistrict = await api
      .http()
      .get('/api/agencies/003.00.31.H56')
      .set('Authorization', await api.login('giamsat.nhatrang'));
    expect(seenByDistrict.body.name).toBe('UBND phường Vĩnh Phước');
  });

  it('refuses a duplicate code with 409 and changes nothing', async () => {
    const response = await api
      .http()
      .post('/api/agencies')
      .set('Authorization', await api.login('admin'))
      .send({
        code: '000.00.12.H56',
        name: 'Trùng mã',
        kind: 'DEPARTMENT',
        unitId: await unitId('56'),
      });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'ALREADY_EXISTS', details: { fields: [{ field: 'code', reason: 'is taken' }] } });
    const original = await api
      .http()
      .get('/api/agencies/000.00.12.H56')
      .set('Authorization', await api.login('admin'));
    expect(original.body.name).toBe('Sở Tài nguyên và Môi trường tỉnh Khánh Hòa');
  });

  it('answers 403 to a non-admin who tries to write', async () => {
    const response = await api
      .http()
      .post('/api/agencies')
      .set('Authorization', await api.login('giamsat.tinh'))
      .send({
        code: '004.00.31.H56',
        name: 'Không được',
        kind: 'DEPARTMENT',
        unitId: await unitId('56'),
      });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('validates every field, and refuses a unit or parent outside the scope with 422', async () => {
    const admin = await api.login('admin');
    const invalid = await api.http().post('/api/agencies').set('Authorization', admin).send({ code: 'H56', name: 'x', kind: 'CASTLE', unitId: 'not-a-uuid' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.fields).toEqual([
      { field: 'code', reason: 'code must be an electronic ID code like 000.00.12.H56' },
      { field: 'name', reason: 'name must be longer than or equal to 3 characters' },
      { field: 'kind', reason: expect.stringContaining('kind must be one of the following values') },
      { field: 'unitId', reason: 'unitId must be a UUID' },
    ]);
    const unknownUnit = await api.http().post('/api/agencies').set('Authorization', admin).send({
      code: '005.00.31.H56',
      name: 'Đơn vị lạ',
      kind: 'DEPARTMENT',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownUnit.status).toBe(422);
    expect(unknownUnit.body.details.fields).toEqual([{ field: 'unitId', reason: 'no such administrative unit in your scope' }]);
  });
  it("shows the agency's signing certificate and installs a new one only if it opens, holds its key and is valid now", async () => {
    const admin = await api.login('admin');
    const path = '/api/agencies/002.00.31.H56/signing-key';
    const seeded = await api.http().get(path).set('Authorization', admin);
    expect(seeded.status).toBe(200);
    expect(seeded.body).toMatchObject({ subject: expect.stringMatching(/^CN=.*Vinh Hai, O=motcua demo, C=VN$/), validNow: true, fingerprint: expect.stringMatching(/^[0-9A-F]{64}$/) });
    expect(Object.keys(seeded.body).sort()).toEqual(['fingerprint', 'installedAt', 'issuer', 'serialNumber', 'subject', 'validFrom', 'validNow', 'validTo']);
    const install = (body: object) => api.http().put(path).set('Authorization', admin).send(body);
    const fresh = selfSignedPkcs12('UBND phuong Vinh Hai (CA cap)', 'đúng', new Date('2026-01-01T00:00:00Z'));

    const invalid = await install({ pkcs12: 'không phải base64!', passphrase: '' });
    expect({ status: invalid.status, fields: invalid.body.details.fields.map((problem: { field: string }) => problem.field) }).toEqual({ status: 400, fields: ['pkcs12', 'passphrase'] });
    const wrongPassphrase = await install({ pkcs12: fresh.toString('base64'), passphrase: 'sai' });
    expect({ status: wrongPassphrase.status, fields: wrongPassphrase.body.details.fields }).toEqual({ status: 422, fields: [{ field: 'passphrase', reason: 'mật khẩu của tệp khóa không đúng' }] });
    const notAKey = await install({ pkcs12: Buffer.from('%PDF-1.4 a scan, not a key').toString('base64'), passphrase: 'x' });
    expect({ status: notAKey.status, field: notAKey.body.details.fields[0].field }).toEqual({ status: 422, field: 'pkcs12' });
    const expired = await install({ pkcs12: selfSignedPkcs12('Het han', 'x', new Date('2019-01-01T00:00:00Z'), 1).toString('base64'), passphrase: 'x' });
    expect({ status: expired.status, fields: expired.body.details.fields }).toEqual({ status: 422, fields: [{ field: 'pkcs12', reason: 'chứng thư số đã hết hạn (2020-01-01T00:00:00.000Z)' }] });
    // Nothing refused replaced the key.
    expect((await api.http().get(path).set('Authorization', admin)).body.fingerprint).toBe(seeded.body.fingerprint);

    const installed = await install({ pkcs12: fresh.toString('base64'), passphrase: 'đúng' });
    expect(installed.status).toBe(200);
    expect(installed.body).toMatchObject({
      subject: 'CN=UBND phuong Vinh Hai (CA cap), O=motcua demo, C=VN',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2031-01-01T00:00:00.000Z',
      validNow: true,
    });
    expect((await api.http().get(path).set('Authorization', admin)).body).toEqual(installed.body);
    expect(JSON.stringify(installed.body)).not.toContain('đúng');
    // Recorded in the audit log (without the key or its passphrase: the log keeps no bodies).
    const [entry] = await api.env.query<{ action: string; entity_key: string }>(`SELECT action, entity_key FROM audit_log WHERE action LIKE 'PUT %signing-key' ORDER BY at DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'PUT /api/agencies/:code/signing-key', entity_key: '002.00.31.H56' });
  });
});
