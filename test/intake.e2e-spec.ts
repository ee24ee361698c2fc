import QRCode from 'qrcode';
import { readPdf } from '@motcua/testing';
import { QR_CODE_OPTIONS } from '@motcua/slips';
import { asBuffer, startApi, TestApi } from './support/api';
import { fileDossier, freezeClock, landDossier } from './support/dossiers';

describe('intake at the counter', () => {
  let api: TestApi;
  let counter: string;
  let setTime: (local: string) => void;
  beforeAll(async () => {
    api = await startApi();
    counter = await api.login('tiepnhan.vinhhai');
    setTime = freezeClock(api, '2025-01-24 16:00');
  });
  afterAll(() => api.close());

  const query = <T = Record<string, unknown>>(sql: string) => api.env.query<T>(sql);
  const countDossiers = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0].n;

  it('accepts a complete dossier with a receipt date code and the legal appointment (after 15:00, before Tết, across a make-up Saturday)', async () => {
    const response = await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      code: '002.00.31.H56-250124-0001',
      status: 'RECEIVED',
      statusCode: 2,
      statusLabel: 'Đã tiếp nhận',
      receivedAt: '2025-01-24T09:00:00.000Z',
      // After the 15:00 cut-off on the Friday before Tết: counting starts Monday 3 Feb 07:30.
      countingStart: '2025-02-03T00:30:00.000Z',
      // 10 working days after 3 Feb, counting the make-up Saturday 8 Feb: Friday 14 Feb, 17:00.
      dueText: '17:00, ngày 14/02/2025',
      workflowVersion: 1,
      workflowVariant: null,
      verifier: expect.stringMatching(/^\d{6}$/),
      provinceCode: '56',
      districtCode: '568',
      communeCode: '22330',
    });
    const detail = await api.http().get(`/api/dossiers/${response.body.code}`).set('Authorization', counter);
    expect(detail.body.history.map((entry: { action: string; toStatus: string; actorName: string }) => [entry.action, entry.toStatus, entry.actorName])).toEqual([
      ['submit', 'SUBMITTED', 'Dương Thị Tiếp'],
      ['accept', 'RECEIVED', 'Dương Thị Tiếp'],
    ]);
    const outbox = await query(`SELECT topic, payload->>'code' AS code FROM outbox`);
    expect(outbox).toEqual([{ topic: 'dossier.received', code: '002.00.31.H56-250124-0001' }]);
  });

  it('reports missing mandatory papers with 422 and writes nothing; the officer then asks for them', async () => {
    const before = await countDossiers();
    const incomplete = landDossier({
      documents: [
        { key: 'don-dang-ky', originals: 1, copies: 0 },
        { key: 'hop-dong', originals: 0, copies: 1 },
      ],
    });
    const refused = await api.http().post('/api/dossiers').set('Authorization', counter).send(incomplete);
    expect(refused.status).toBe(422);
    expect(refused.body.details.missingDocuments.map((document: { key: string }) => document.key)).toEqual(['hop-dong', 'giay-chung-nhan', 'to-khai-thue']);
    expect(await countDossiers()).toBe(before);

    setTime('2025-03-10 09:00');
    const asked = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send({
        ...incomplete,
        decision: { action: 'request-supplement', items: [{ documentKey: 'giay-chung-nhan', what: 'Bản gốc Giấy chứng nhận', why: 'Chưa nộp' }] },
      });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', receivedAt: null, dueAt: null });
    expect(asked.body.code).toBe('002.00.31.H56-250310-0001');

    setTime('2025-03-11 08:00');
    const supplemented = await api.http().post(`/api/dossiers/${asked.body.code}/supplement`).set('Authorization', counter).send({ documents: landDossier().documents });
    expect(supplemented.body).toMatchObject({ status: 'SUBMITTED', receivedAt: null });
    const accepted = await api.http().post(`/api/dossiers/${asked.body.code}/accept`).set('Authorization', counter).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'RECEIVED', receivedAt: '2025-03-11T01:00:00.000Z', dueText: '17:00, ngày 25/03/2025' });
  });

  it('takes an online filing as SUBMITTED and lets the counter accept or refuse it', async () => {
    setTime('2025-04-28 10:00');
    const filed = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ channel: 'online' }));
    expect(filed.body).toMatchObject({ status: 'SUBMITTED', statusCode: 1, channel: 'online', dueAt: null });
    const accepted = await api.http().post(`/api/dossiers/${filed.body.code}/accept`).set('Authorization', counter).send({});
    // 10 working days after Monday 28 April 2025, skipping 30/4, 1/5 and the swapped Friday 2/5.
    expect(accepted.body).toMatchObject({ status: 'RECEIVED', dueText: '17:00, ngày 15/05/2025' });
    expect((await api.http().post(`/api/dossiers/${filed.body.code}/accept`).set('Authorization', counter).send({})).status).toBe(409);

    const other = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ channel: 'post' }));
    const refused = await api.http().post(`/api/dossiers/${other.body.code}/refuse`).set('Authorization', counter).send({ reason: 'Thửa đất không thuộc địa bàn phường' });
    expect(refused.body).toMatchObject({ status: 'REFUSED', statusCode: 3, refusalReason: 'Thửa đất không thuộc địa bàn phường' });
    expect(refused.body.closedAt).not.toBeNull();
    const decisionOnline = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ channel: 'online', decision: { action: 'accept' } }));
    expect(decisionOnline.status).toBe(400);
  });

  it('makes one dossier of a double-clicked submission with one Idempotency-Key, and refuses the key for another body', async () => {
    setTime('2025-06-02 09:00');
    const before = await countDossiers();
    const send = () => api.http().post('/api/dossiers').set('Authorization', counter).set('Idempotency-Key', 'counter-7-click-0001').send(landDossier());
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await countDossiers()).toBe(before + 1);
    const other = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .set('Idempotency-Key', 'counter-7-click-0001')
      .send(landDossier({ notes: 'khác' }));
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('gives 50 concurrent intakes at one agency 50 consecutive codes', async () => {
    setTime('2025-06-03 09:00');
    const responses = await Promise.all(Array.from({ length: 50 }, () => api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const numbers = responses.map((response) => Number(response.body.code.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(responses.map((response) => response.body.code)).toContain('002.00.31.H56-250603-0007');
  });

  it('writes the sequence with four digits, and more after 9,999 dossiers in a day', async () => {
    setTime('2025-06-04 09:00');
    await api.env.query(`INSERT INTO dossier_code_counters (agency_id, day, last_sequence) SELECT id, '2025-06-04', 9998 FROM agencies WHERE code = '002.00.31.H56'`);
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body.code);
    expect(codes).toEqual(['002.00.31.H56-250604-9999', '002.00.31.H56-250604-10000']);
  });

  it('validates every field and writes nothing', async () => {
    const before = await countDossiers();
    const bad = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(
        landDossier({
          applicant: { kind: 'person', fullName: 'A', idNumber: '12345', phone: '12', address: { line: '', communeCode: '999' } },
          documents: [{ key: 'don-dang-ky', originals: -1, copies: 0 }],
          extra: true,
        }),
      );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'applicant.address.communeCode',
      'applicant.address.line',
      'applicant.dateOfBirth',
      'applicant.fullName',
      'applicant.idNumber',
      'applicant.phone',
      'documents[0].originals',
      'extra',
    ]);
    const unknownProcedure = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ procedureCode: '9.999999' }));
    expect(unknownProcedure.status).toBe(422);
    expect(unknownProcedure.body.details.fields).toEqual([{ field: 'procedureCode', reason: "no procedure with code '9.999999'" }]);
    const wrongVariant = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ variant: 'ket-hop-nhan-cha-me-con' }));
    expect(wrongVariant.body.details.fields).toEqual([{ field: 'variant', reason: "procedure 1.004227 has no variant 'ket-hop-nhan-cha-me-con'" }]);
    const foreignPaper = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ documents: [...landDossier().documents, { key: 'to-khai', originals: 1, copies: 0 }] }));
    expect(foreignPaper.body.details.fields).toEqual([{ field: 'documents[4].key', reason: "'to-khai' is not one of this procedure's papers" }]);
    const unknownCommune = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ applicant: { ...landDossier().applicant, address: { line: 'x', communeCode: '99999' } } }));
    expect(unknownCommune.body.details.fields).toEqual([{ field: 'applicant.address.communeCode', reason: "no commune with code '99999'" }]);
    const organisation = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', counter)
      .send(landDossier({ applicant: { ...landDossier().applicant, kind: 'organisation', idNumber: '056185001234' } }));
    expect(organisation.body.details.fields).toEqual([{ field: 'applicant.idNumber', reason: 'idNumber of an organisation must be a tax code (10 digits, or 10-3)' }]);
    expect(await countDossiers()).toBe(before);
  });

  it('refuses a date of birth in the future or before 1900, and one the citizen ID contradicts, naming the fields and writing nothing', async () => {
    const before = await countDossiers();
    const withApplicant = (changes: Record<string, unknown>) =>
      api
        .http()
        .post('/api/dossiers')
        .set('Authorization', counter)
        .send(landDossier({ applicant: { ...landDossier().applicant, ...changes } }));
    const answer = (response: { status: number; body: { details?: { fields: unknown[] } } }) => ({ status: response.status, fields: response.body.details?.fields });
    setTime('2025-01-24 16:00');
    expect(answer(await withApplicant({ idNumber: '056225001234', dateOfBirth: '2025-01-25' }))).toEqual({
      status: 400,
      fields: [{ field: 'applicant.dateOfBirth', reason: 'dateOfBirth must not be in the future' }],
    });
    expect(answer(await withApplicant({ idNumber: '056235001234', dateOfBirth: '2035-04-12' })).fields).toEqual([{ field: 'applicant.dateOfBirth', reason: 'dateOfBirth must not be in the future' }]);
    expect(answer(await withApplicant({ dateOfBirth: '1899-12-31' })).fields).toEqual([{ field: 'applicant.dateOfBirth', reason: 'dateOfBirth must not be before 1900-01-01' }]);
    const year = 'idNumber 056185001234 is of a person born in 1985 (its 4th to 6th digits), but dateOfBirth is 1990-04-12';
    expect(answer(await withApplicant({ dateOfBirth: '1990-04-12' }))).toEqual({
      status: 400,
      fields: [
        { field: 'applicant.idNumber', reason: year },
        { field: 'applicant.dateOfBirth', reason: year },
      ],
    });
    const sex = 'idNumber 056185001234 is of a woman (its 4th digit is 1), but sex is male';
    expect(answer(await withApplicant({ sex: 'male' })).fields).toEqual([
      { field: 'applicant.idNumber', reason: sex },
      { field: 'applicant.sex', reason: sex },
    ]);
    expect(await countDossiers()).toBe(before);
    setTime('2025-02-05 09:00');
    const consistent = await withApplicant({ sex: 'female' });
    expect({ status: consistent.status, sex: consistent.body.applicant?.sex }).toEqual({ status: 201, sex: 'female' });
  });

  it('keeps dossiers inside the scope: another commune does not see them, the district does', async () => {
    const code = '002.00.31.H56-250124-0001';
    const neighbour = await api
      .http()
      .get(`/api/dossiers/${code}`)
      .set('Authorization', await api.login('tiepnhan.loctho'));
    expect(neighbour.status).toBe(404);
    const neighbourAction = await api
      .http()
      .post(`/api/dossiers/${code}/withdraw`)
      .set('Authorization', await api.login('tiepnhan.loctho'))
      .send({ reason: 'thử' });
    expect(neighbourAction.status).toBe(404);
    const district = await api
      .http()
      .get('/api/dossiers')
      .query({ q: code })
      .set('Authorization', await api.login('giamsat.nhatrang'));
    expect(district.body.items.map((item: { code: string }) => item.code)).toEqual([code]);
    // The district sees the commune's dossiers, and can tell them from those its own counter received.
    const byAgency = async (agency: string) =>
      (
        await api
          .http()
          .get('/api/dossiers')
          .query({ agency, limit: 500 })
          .set('Authorization', await api.login('giamsat.nhatrang'))
      ).body.items.map((item: { code: string }) => item.code);
    expect(await byAgency('002.00.31.H56')).toContain(code);
    expect(await byAgency('000.00.31.H56')).not.toContain(code);
    const supervisorAction = await api
      .http()
      .post(`/api/dossiers/${code}/withdraw`)
      .set('Authorization', await api.login('giamsat.nhatrang'))
      .send({ reason: 'thử' });
    expect(supervisorAction.status).toBe(403);
  });

  it('lists, filters and searches dossiers by applicant name without diacritics', async () => {
    setTime('2025-06-04 09:00');
    const page = await api.http().get('/api/dossiers').query({ q: 'nguyen thi hong thuy', status: 'RECEIVED', limit: 5, sort: 'receivedAt', order: 'asc' }).set('Authorization', counter);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items[0].code).toBe('002.00.31.H56-250124-0001');
    const overdue = await api.http().get('/api/dossiers').query({ overdue: 'true', limit: 500 }).set('Authorization', counter);
    expect(overdue.body.items.map((item: { code: string }) => item.code)).toContain('002.00.31.H56-250124-0001');
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
  });

  it('withdraws on request, and refuses to return a result that is not ready', async () => {
    const filed = await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier());
    const early = await api.http().post(`/api/dossiers/${filed.body.code}/return`).set('Authorization', counter).send({ method: 'counter' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DOSSIER_NOT_IN_STATE');
    const withdrawn = await api.http().post(`/api/dossiers/${filed.body.code}/withdraw`).set('Authorization', counter).send({ reason: 'Công dân có đơn xin rút hồ sơ' });
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', statusCode: 7 });
  });

  it('keeps the register book (BM.06) as JSON and CSV', async () => {
    const json = await api.http().get('/api/registers').query({ from: '2025-01-24', to: '2025-01-24' }).set('Authorization', counter);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ agencyCode: '002.00.31.H56', rows: [{ dossierCode: '002.00.31.H56-250124-0001', applicantName: 'Nguyễn Thị Hồng Thủy' }], total: 1, limit: 50, offset: 0 });
    for (const [from, to, reason] of [
      ['2025-01-01', '2026-01-02', 'a register book covers at most 366 days (a year)'],
      ['2025-01-24', '2025-01-23', 'must not be before from'],
    ]) {
      const refused = await api.http().get('/api/registers').query({ from, to, format: 'csv' }).set('Authorization', counter);
      expect([refused.status, refused.body.details?.fields]).toEqual([422, [{ field: 'to', reason }]]);
    }
    expect((await api.http().get('/api/registers').query({ from: '2025-01-24', to: '2025-01-24', limit: '501' }).set('Authorization', counter)).status).toBe(400);
    const csv = await api.http().get('/api/registers').query({ from: '2025-01-24', to: '2025-01-24', format: 'csv' }).set('Authorization', counter);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace('\uFEFF', '').trim().split('\n');
    expect(lines[0]).toBe('STT,Mã hồ sơ,Tên thủ tục hành chính,"Tổ chức, cá nhân",Ngày nhận hồ sơ,Ngày hẹn trả,Ngày trả kết quả,Cách thức nhận kết quả,Tình trạng');
    expect(lines[1]).toContain('"16:00, ngày 24/01/2025"');
    const outside = await api.http().get('/api/registers').query({ agency: '000.00.37.H56', from: '2025-01-01', to: '2025-12-31' }).set('Authorization', counter);
    expect(outside.status).toBe(404);
  });

  it('neutralises applicant names that a spreadsheet would run as formulas in the register CSV', async () => {
    setTime('2025-01-27 09:00');
    const names = ['=HYPERLINK("http://evil.example","Xem")', "=cmd|' /C calc'!A0", '@SUM(1,2)'];
    for (const fullName of names) {
      const filed = await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', counter)
        .send(landDossier({ applicant: { ...landDossier().applicant, fullName } }));
      expect(filed.status).toBe(201);
    }
    const csv = await api.http().get('/api/registers').query({ from: '2025-01-27', to: '2025-01-27', format: 'csv' }).set('Authorization', counter);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Xem"")"`);
    expect(csv.text).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv.text).toContain(`,"'@SUM(1,2)",`);
    expect(csv.text).not.toMatch(/,"?[=@+-]/);
  });
});

describe('citizen lookup', () => {
  let api: TestApi;
  let code: string;
  let verifier: string;
  const wrong = (right: string) => (right === '000000' ? '111111' : '000000');
  const lookUp = (dossierCode: string, digits: string, client = '198.51.100.1') => api.http().get(`/api/public/dossiers/${dossierCode}`).set('X-Forwarded-For', client).query({ verifier: digits });
  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: 'loopback' });
    freezeClock(api, '2025-05-12 08:15');
    ({ code, verifier } = await fileDossier(api, landDossier()));
  });
  afterAll(() => api.close());

  it('shows status, appointment and milestones in Vietnamese, and nothing personal', async () => {
    expect(verifier).toMatch(/^\d{6}$/);
    const response = await api.http().get(`/api/public/dossiers/${code}`).query({ verifier });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code,
      status: 'RECEIVED',
      statusCode: 2,
      statusLabel: 'Đã tiếp nhận',
      procedureName: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng',
      appointmentText: '17:00, ngày 26/05/2025',
      result: 'pending',
      receivingAgencyName: 'Ủy ban nhân dân phường Vĩnh Hải',
      rating: null,
    });
    expect(response.body.milestones.map((milestone: { label: string }) => milestone.label)).toEqual(['Nộp hồ sơ', 'Tiếp nhận hồ sơ']);
    const text = JSON.stringify(response.body);
    for (const secret of ['056185001234', '0905123456', 'Trần Phú', '1985-04-12', 'Dương Thị Tiếp', 'Nguyễn Thị Hồng Thủy']) expect(text).not.toContain(secret);
  });

  it('lets the citizen rate only after the result was returned', async () => {
    const response = await api.http().post(`/api/public/dossiers/${code}/rating`).send({ verifier, score: 5 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('DOSSIER_NOT_IN_STATE');
    const invalid = await api.http().post(`/api/public/dossiers/${code}/rating`).send({ verifier, score: 6 });
    expect(invalid.body.details.fields).toEqual([{ field: 'score', reason: 'score must not be greater than 5' }]);
  });

  it('answers a wrong code and a wrong verifier alike', async () => {
    const wrongVerifier = await lookUp(code, wrong(verifier), '198.51.100.2');
    const wrongCode = await lookUp('002.00.31.H56-250512-9999', verifier, '198.51.100.2');
    expect(wrongVerifier.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.body).toEqual(wrongVerifier.body);
    expect((await lookUp(code, verifier.slice(0, 5), '198.51.100.2')).status).toBe(400);
  });

  it('makes one address wait after 5 wrong verifiers for a code, but not for other codes, nor others behind other addresses', async () => {
    const other = await fileDossier(api, landDossier());
    for (let i = 0; i < 5; i++) expect((await lookUp(code, wrong(verifier), '203.0.113.30')).status).toBe(404);
    const limited = await lookUp(code, verifier, '203.0.113.30');
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // Someone else behind the same address, with their own receipt, is not held up.
    expect((await lookUp(other.code, other.verifier, '203.0.113.30')).status).toBe(200);
    expect((await lookUp(code, verifier, '203.0.113.31')).status).toBe(200);
  });

  it('makes a code wait after 20 wrong verifiers from any addresses, whatever the address', async () => {
    const target = await fileDossier(api, landDossier());
    for (let i = 0; i < 20; i++) expect((await lookUp(target.code, wrong(target.verifier), `192.0.2.${i + 1}`)).status).toBe(404);
    const fresh = await lookUp(target.code, target.verifier, '192.0.2.200');
    expect([fresh.status, fresh.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(80_000);
    expect((await lookUp(code, verifier, '192.0.2.200')).status).toBe(200);
  });
});

describe('slips', () => {
  let api: TestApi;
  let counter: string;
  beforeAll(async () => {
    api = await startApi();
    counter = await api.login('tiepnhan.vinhhai');
    freezeClock(api, '2025-01-24 16:00');
  });
  afterAll(() => api.close());

  it('prints the BM.01 receipt as a PDF with the legal appointment, in Vietnamese, with the QR to the status page', async () => {
    const { code, verifier } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    const pdf = await api.http().get(`/api/dossiers/${code}/slips/BM.01.pdf`).set('Authorization', counter).buffer(true).parse(asBuffer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [page, ...more] = await readPdf(pdf.body as Buffer);
    expect(more).toHaveLength(0);
    for (const text of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      code,
      'Nguyễn Thị Hồng Thủy',
      '12 Trần Phú, Phường Vĩnh Hải',
      '16:00, ngày 24/01/2025',
      '17:00, ngày 14/02/2025',
      '10 ngày làm việc',
      'Dương Thị Tiếp',
      `số xác thực: ${verifier}`,
    ]) {
      expect(page.text.replace(/\n/g, ' ')).toContain(text);
    }

    const html = await api.http().get(`/api/dossiers/${code}/slips/BM.01`).set('Authorization', counter);
    expect(html.headers['content-type']).toContain('text/html');
    const statusUrl = `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(code)}`;
    expect(html.text).toContain(await QRCode.toDataURL(statusUrl, QR_CODE_OPTIONS));
    // The citizen scans it: the web console's status page (test/console.browser-spec.ts) asks for the
    // verifier printed beside the code and looks the dossier up with it.
    const wrong = await api
      .http()
      .get(`/api/public/dossiers/${code}`)
      .query({ verifier: verifier === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(404);
    const lookup = await api.http().get(`/api/public/dossiers/${code}`).query({ verifier });
    expect(lookup.body).toMatchObject({ code, statusLabel: 'Đã tiếp nhận', appointmentText: '17:00, ngày 14/02/2025' });
    expect(JSON.stringify(lookup.body)).not.toContain('056185001234');
  }, 30_000);

  it('prints BM.02 and BM.03 only for dossiers sent back or refused', async () => {
    const asked = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', counter)
        .send(
          landDossier({
            decision: { action: 'request-supplement', items: [{ what: 'Hợp đồng chuyển nhượng có công chứng', why: 'Hợp đồng chưa được công chứng' }] },
          }),
        )
    ).body;
    const bm02 = await api.http().get(`/api/dossiers/${asked.code}/slips/BM.02`).set('Authorization', counter);
    expect(bm02.status).toBe(200);
    expect(bm02.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(bm02.text).toContain('Hợp đồng chưa được công chứng');
    expect((await api.http().get(`/api/dossiers/${asked.code}/slips/BM.01`).set('Authorization', counter)).status).toBe(404);
    expect((await api.http().get(`/api/dossiers/${asked.code}/slips/BM.03`).set('Authorization', counter)).status).toBe(404);
    const refused = await api.http().post(`/api/dossiers/${asked.code}/refuse`).set('Authorization', counter).send({ reason: 'Hợp đồng chuyển nhượng không hợp lệ' });
    expect(refused.status).toBe(200);
    const bm03 = await api.http().get(`/api/dossiers/${asked.code}/slips/BM.03`).set('Accept', 'application/pdf').set('Authorization', counter);
    expect(bm03.headers['content-type']).toBe('application/pdf');
    expect((await api.http().get(`/api/dossiers/${asked.code}/slips/BM.09`).set('Authorization', counter)).status).toBe(400);
  });
});
