import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { selfSignedPkcs12 } from '@motcua/signing';
import { FileStorage } from '@motcua/storage';
import { S3Server, startS3Server } from '@motcua/testing';
import { FilesJanitor } from '../apps/worker/src/files/files-janitor';
import { asBuffer, startApi, TestApi } from './support/api';
import { landDossier } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

/** A small but real PDF, and bytes that only claim to be one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
/** A one-page PDF as a scanner or a word processor writes it (pdf-lib). */
const onePagePdf = async () => {
  const document = await PDFDocument.create();
  document.addPage().drawText('Giay chung nhan quyen su dung dat', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX_BYTES = 1024 * 1024;
const MAX_FILES = 6;

describe.each(['local', 's3'] as const)('dossier files, stored by the %s driver', (driver) => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let s3: S3Server | undefined;
  let storage: FileStorage;

  const upload = async (username: string, code: string, fields: Record<string, string>, file: Buffer, name = 'scan.pdf', type = 'application/pdf') => {
    let call = api
      .http()
      .post(`/api/dossiers/${code}/files`)
      .set('Authorization', await api.login(username));
    for (const [field, value] of Object.entries(fields)) call = call.field(field, value);
    return call.attach('file', file, { filename: name, contentType: type });
  };
  const file = async () =>
    (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body.code as string;
  /** Rows and stored objects: what a refused upload must not leave behind. */
  const leftovers = async () => {
    const rows = await api.env.query<{ state: string; storage_key: string }>(`SELECT state, storage_key FROM dossier_files`);
    const missing = [];
    for (const row of rows) if (!(await storage.exists(row.storage_key))) missing.push(row.storage_key);
    return { uploading: rows.filter((row) => row.state === 'uploading').length, stored: rows.length, missing };
  };

  beforeAll(async () => {
    if (driver === 's3') s3 = await startS3Server();
    api = await startApi({ ...(s3?.env ?? {}), FILE_MAX_BYTES: String(MAX_BYTES), FILE_MAX_PER_DOSSIER: String(MAX_FILES) });
    worker = await startWorker();
    storage = api.app.get(FileStorage);
    expect(storage.driver).toBe(driver);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await s3?.close();
  });

  it('digitises a paper at the counter: type read from the content, name sanitised, same bytes back, the download audited', async () => {
    const code = await file();
    // The client calls it a PNG; its content says PDF.
    const sent = await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong' }, PDF, '..\\..\\Hợp đồng\u202e chuyển nhượng.pdf', 'image/png');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      kind: 'paper',
      documentKey: 'hop-dong',
      name: 'Hợp đồng chuyển nhượng.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      uploadedByName: expect.any(String),
      digitisedAtCounter: true,
      supersedes: null,
      supersededBy: null,
    });
    const listed = await api
      .http()
      .get(`/api/dossiers/${code}/files`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([sent.body.id]);

    const downloaded = await api
      .http()
      .get(`/api/dossiers/${code}/files/${sent.body.id}`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .buffer(true)
      .parse(asBuffer);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toBe(
      `inline; filename="hop dong chuyen nhuong.pdf"; filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng%20chuy%E1%BB%83n%20nh%C6%B0%E1%BB%A3ng.pdf`,
    );
    expect(sha256(downloaded.body as Buffer)).toBe(sha256(PDF));
    const audited = await eventually(async () => {
      const rows = await api.env.query<{ action: string; entity_key: string }>(`SELECT action, entity_key FROM audit_log WHERE action LIKE 'GET %files%'`);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(audited[0]).toEqual({ action: 'GET /api/dossiers/:code/files/:fileId', entity_key: code });
    expect(await leftovers()).toEqual({ uploading: 0, stored: 1, missing: [] });
    // The receipt says which papers were digitised.
    const receipt = await api
      .http()
      .get(`/api/dossiers/${code}/slips/BM.01`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    const rows = [...(receipt.text as string).matchAll(/<tr>(.*?)<\/tr>/gs)].map(([row]) =>
      row
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows.filter((row) => row.includes('Đã số hóa'))).toEqual([expect.stringContaining('Hợp đồng')]);
  });

  it('refuses what it cannot take with the reason, and keeps nothing of it', async () => {
    const code = await file();
    const before = await leftovers();
    const cases: [string, Promise<{ status: number; body: { code: string; details?: { fields?: { field: string }[] } } }>, number, string, string][] = [
      ['too large', upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong' }, Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)])), 413, 'PAYLOAD_TOO_LARGE', 'file'],
      [
        'text called .pdf',
        upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong' }, Buffer.from('<html><script>alert(1)</script>'), 'x.pdf'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'file',
      ],
      ['empty', upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong' }, Buffer.alloc(0)), 422, 'UNPROCESSABLE', 'file'],
      ['no kind', upload('tiepnhan.vinhhai', code, {}, PDF), 400, 'VALIDATION_FAILED', 'kind'],
      ['not on the checklist', upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'giay-ket-hon' }, PDF), 422, 'UNPROCESSABLE', 'documentKey'],
      ['paper by a processor', upload('xuly.vpdk.nhatrang', code, { kind: 'paper', documentKey: 'hop-dong' }, PDF), 403, 'FORBIDDEN', ''],
      ['result without a claimed step', upload('xuly.vpdk.nhatrang', code, { kind: 'result' }, PDF), 403, 'FORBIDDEN', ''],
      ['another district', upload('tiepnhan.loctho', code, { kind: 'paper', documentKey: 'hop-dong' }, PDF), 404, 'NOT_FOUND', ''],
      [
        'superseding nothing',
        upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong', supersedes: '00000000-0000-4000-8000-000000000000' }, PDF),
        422,
        'UNPROCESSABLE',
        'supersedes',
      ],
    ];
    for (const [what, sent, status, errorCode, field] of cases) {
      const response = await sent;
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code: errorCode });
      if (field) expect({ what, fields: response.body.details?.fields?.map((problem) => problem.field) }).toEqual({ what, fields: [field] });
    }
    const json = await api
      .http()
      .post(`/api/dossiers/${code}/files`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send({ kind: 'paper' });
    expect({ status: json.status, code: json.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await leftovers()).toEqual(before);

    // A finished dossier takes no more files.
    await api
      .http()
      .post(`/api/dossiers/${code}/withdraw`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send({ reason: 'Công dân rút hồ sơ' });
    const late = await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'hop-dong' }, PDF);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'DOSSIER_NOT_IN_STATE' });
    expect(await leftovers()).toEqual(before);
  });

  it('stores exactly as many files as a dossier may hold when uploads race for the last places', async () => {
    const code = await file();
    for (let i = 0; i < MAX_FILES - 2; i++) expect((await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'don-dang-ky' }, PNG, `trang-${i}.png`, 'image/png')).status).toBe(201);
    const raced = await Promise.all(Array.from({ length: 6 }, (_, i) => upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'don-dang-ky' }, PNG, `dua-${i}.png`, 'image/png')));
    expect(raced.filter((response) => response.status === 201)).toHaveLength(2);
    expect(new Set(raced.filter((response) => response.status !== 201).map((response) => `${response.status} ${response.body.code}`))).toEqual(new Set(['422 UNPROCESSABLE']));
    const listed = await api
      .http()
      .get(`/api/dossiers/${code}/files`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(listed.body.items).toHaveLength(MAX_FILES);
    const { uploading, missing } = await leftovers();
    expect({ uploading, missing }).toEqual({ uploading: 0, missing: [] });
  });

  it('keeps both versions when a file is replaced, and lets only one upload replace it', async () => {
    const code = await file();
    const first = (await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'giay-chung-nhan' }, PDF)).body;
    const raced = await Promise.all([0, 1, 2].map(() => upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'giay-chung-nhan', supersedes: first.id }, PNG, 'ban-moi.png', 'image/png')));
    expect(raced.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    const listed = (
      await api
        .http()
        .get(`/api/dossiers/${code}/files`)
        .set('Authorization', await api.login('tiepnhan.vinhhai'))
    ).body.items as { id: string; supersedes: string | null; supersededBy: string | null }[];
    const second = raced.find((response) => response.status === 201)!.body;
    expect(listed).toEqual([expect.objectContaining({ id: first.id, supersededBy: second.id }), expect.objectContaining({ id: second.id, supersedes: first.id, supersededBy: null })]);
    const again = await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'giay-chung-nhan', supersedes: first.id }, PDF);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
  });

  it('clears an upload the API did not live to finish once it is a day old, and nothing else', async () => {
    const code = await file();
    const kept = (await upload('tiepnhan.vinhhai', code, { kind: 'paper', documentKey: 'to-khai-thue' }, PDF)).body.id as string;
    // Two uploads cut off by a crash: their rows say uploading, part of their bytes reached the storage.
    const [{ id: dossierId }] = await api.env.query<{ id: string }>(`SELECT id FROM dossiers WHERE code = $1`, [code]);
    const [{ id: userId }] = await api.env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'tiepnhan.vinhhai'`);
    for (const [key, age] of [
      ['2026/01/abandoned-old', '25 hours'],
      ['2026/01/abandoned-new', '2 hours'],
    ]) {
      await storage.write(key, Readable.from([PDF]), 'application/pdf');
      await api.env.query(
        `INSERT INTO dossier_files (dossier_id, kind, document_key, name, storage_key, uploaded_by, uploaded_by_name, uploaded_at)
         VALUES ($1, 'paper', 'to-khai-thue', 'x.pdf', $2, $3, 'Cán bộ', now() - $4::interval)`,
        [dossierId, key, userId, age],
      );
    }
    expect(await worker.get(FilesJanitor).clean(new Date())).toBe(1);
    expect(await storage.exists('2026/01/abandoned-old')).toBe(false);
    expect(await storage.exists('2026/01/abandoned-new')).toBe(true);
    const rows = await api.env.query<{ storage_key: string; state: string }>(
      `SELECT storage_key, state FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1 ORDER BY state, storage_key`,
      [code],
    );
    expect(rows.map((row) => row.state)).toEqual(['stored', 'uploading']);
    expect(
      (
        await api
          .http()
          .get(`/api/dossiers/${code}/files`)
          .set('Authorization', await api.login('tiepnhan.vinhhai'))
      ).body.items.map((item: { id: string }) => item.id),
    ).toEqual([kept]);
    // A stored file is never deleted.
    await expect(api.env.query(`DELETE FROM dossier_files WHERE id = $1`, [kept])).rejects.toThrow('immutable');
  });

  it("offers the applicant's earlier papers inside the counter's scope, and reuses one without scanning it again", async () => {
    const earlier = await file();
    const scanned = (await upload('tiepnhan.vinhhai', earlier, { kind: 'paper', documentKey: 'giay-chung-nhan' }, PDF, 'so-do.pdf')).body;
    const later = await file();
    const counter = await api.login('tiepnhan.vinhhai');
    const offered = (await api.http().get(`/api/dossiers/${later}/reusable-files`).set('Authorization', counter)).body.items as { id: string; dossierCode: string }[];
    expect(offered).toContainEqual(expect.objectContaining({ id: scanned.id, dossierCode: earlier }));
    const reused = await api.http().post(`/api/dossiers/${later}/reused-files`).set('Authorization', counter).send({ fileId: scanned.id, documentKey: 'giay-chung-nhan' });
    expect(reused.status).toBe(201);
    expect(reused.body).toMatchObject({ kind: 'paper', documentKey: 'giay-chung-nhan', reusedFrom: scanned.id, digitisedAtCounter: false, sha256: scanned.sha256, name: 'so-do.pdf' });
    const downloaded = await api.http().get(`/api/dossiers/${later}/files/${reused.body.id}`).set('Authorization', counter).buffer(true).parse(asBuffer);
    expect(sha256(downloaded.body as Buffer)).toBe(sha256(PDF));

    // Another commune's counter sees none of them, and cannot reuse them.
    const elsewhere = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login('tiepnhan.loctho'))
        .send(landDossier())
    ).body.code;
    const neighbour = await api.login('tiepnhan.loctho');
    expect((await api.http().get(`/api/dossiers/${elsewhere}/reusable-files`).set('Authorization', neighbour)).body.items).toEqual([]);
    const refused = await api.http().post(`/api/dossiers/${elsewhere}/reused-files`).set('Authorization', neighbour).send({ fileId: scanned.id, documentKey: 'giay-chung-nhan' });
    expect({ status: refused.status, code: refused.body.code, field: refused.body.details?.fields?.[0]?.field }).toEqual({ status: 422, code: 'UNPROCESSABLE', field: 'fileId' });
  });

  it('lets the officer holding a step attach working papers, and the one who claimed it the result', async () => {
    const code = await file();
    const registry = await api.login('xuly.vpdk.nhatrang');
    const [task] = await eventually(async () => {
      const items = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', registry)).body.items as { id: string }[];
      expect(items).toHaveLength(1);
      return items;
    });
    expect((await upload('xuly.vpdk.nhatrang', code, { kind: 'working' }, PDF, 'bien-ban.pdf')).status).toBe(201);
    expect((await upload('xuly.vpdk.nhatrang', code, { kind: 'result' }, PDF)).status).toBe(403);
    expect((await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', registry)).status).toBe(200);
    // A result needs its number and date, and is a PDF.
    const unnumbered = await upload('xuly.vpdk.nhatrang', code, { kind: 'result', resultDate: '2099-01-01' }, PDF);
    expect({ status: unnumbered.status, fields: unnumbered.body.details.fields.map((problem: { field: string }) => problem.field) }).toEqual({ status: 400, fields: ['resultNumber', 'resultDate'] });
    const image = await upload('xuly.vpdk.nhatrang', code, { kind: 'result', resultNumber: '125/GCN-VPĐK', resultDate: '2026-01-05' }, PNG, 'anh.png', 'image/png');
    expect({ status: image.status, code: image.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });

    const result = await upload('xuly.vpdk.nhatrang', code, { kind: 'result', resultNumber: '125/GCN-VPĐK', resultDate: '2026-01-05' }, await onePagePdf(), 'giay-chung-nhan.pdf');
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ kind: 'result', documentKey: null, digitisedAtCounter: false, signed: true, resultNumber: '125/GCN-VPĐK', resultDate: '2026-01-05' });
    // BM.05 names the result.
    const control = await api.http().get(`/api/dossiers/${code}/slips/BM.05`).set('Authorization', registry);
    expect(control.text).toContain('Văn bản số 125/GCN-VPĐK, ngày 05/01/2026 (bản điện tử, đã ký số)');
    // Signed as the agency: the stored file is the signed one, and its signature holds.
    const check = async () =>
      (
        await api
          .http()
          .get(`/api/dossiers/${code}/files/${result.body.id}/signature`)
          .set('Authorization', await api.login('tiepnhan.vinhhai'))
      ).body;
    expect(await check()).toMatchObject({ signed: true, valid: true, coversWholeDocument: true, problem: null, signer: expect.stringContaining('Van phong Dang ky dat dai') });
    // One byte changed in storage, and it no longer verifies.
    const [{ storage_key: key }] = await api.env.query<{ storage_key: string }>(`SELECT storage_key FROM dossier_files WHERE id = $1`, [result.body.id]);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.read(key)) chunks.push(chunk as Buffer);
    const stored = Buffer.concat(chunks);
    expect(sha256(stored)).toBe(result.body.sha256);
    const altered = Buffer.from(stored);
    const at = altered.indexOf('/MediaBox');
    altered[at + 1] = 'N'.charCodeAt(0);
    await storage.write(key, Readable.from([altered]), 'application/pdf');
    expect(await check()).toMatchObject({ signed: true, valid: false });
    // A scanned paper carries no signature.
    const paper = (await api.http().get(`/api/dossiers/${code}/files`).set('Authorization', registry)).body.items.find((item: { kind: string }) => item.kind === 'working');
    expect((await api.http().get(`/api/dossiers/${code}/files/${paper.id}/signature`).set('Authorization', registry)).body).toMatchObject({ signed: false, valid: false });
    // A paper is the counter's; a working paper names no checklist line.
    expect((await upload('xuly.vpdk.nhatrang', code, { kind: 'working', documentKey: 'hop-dong' }, PDF)).status).toBe(422);
  });
  it('signs with the key the administrator installed, and will not sign once its certificate expired', async () => {
    const admin = await api.login('admin');
    const install = await api
      .http()
      .put('/api/agencies/001.01.12.H56/signing-key')
      .set('Authorization', admin)
      .send({ pkcs12: selfSignedPkcs12('Chi nhanh VPDK Nha Trang (CA)', 'khoá mới', new Date('2026-01-01T00:00:00Z')).toString('base64'), passphrase: 'khoá mới' });
    expect(install.status).toBe(200);
    const registry = await api.login('xuly.vpdk.nhatrang');
    const claimed = async () => {
      const code = await file();
      const [task] = await eventually(async () => {
        const items = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', registry)).body.items as { id: string }[];
        expect(items).toHaveLength(1);
        return items;
      });
      expect((await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', registry)).status).toBe(200);
      return code;
    };
    const code = await claimed();
    const result = await upload('xuly.vpdk.nhatrang', code, { kind: 'result', resultNumber: '126/GCN-VPĐK', resultDate: '2026-01-06' }, await onePagePdf(), 'giay-chung-nhan.pdf');
    expect(result.status).toBe(201);
    const check = await api.http().get(`/api/dossiers/${code}/files/${result.body.id}/signature`).set('Authorization', registry);
    expect(check.body).toMatchObject({ valid: true, signer: 'Chi nhanh VPDK Nha Trang (CA), motcua demo' });

    // A key that expired since it was installed (the API would not install it now).
    await api.env.query(`UPDATE agency_signing_keys SET pkcs12 = $1, passphrase = 'cũ' FROM agencies a WHERE a.id = agency_id AND a.code = '001.01.12.H56'`, [
      selfSignedPkcs12('Chi nhanh cu', 'cũ', new Date('2020-01-01T00:00:00Z'), 1),
    ]);
    const late = await claimed();
    const refused = await upload('xuly.vpdk.nhatrang', late, { kind: 'result', resultNumber: '127/GCN-VPĐK', resultDate: '2026-01-07' }, await onePagePdf(), 'giay-chung-nhan.pdf');
    expect({ status: refused.status, fields: refused.body.details.fields }).toEqual({
      status: 422,
      fields: [{ field: 'file', reason: expect.stringContaining('chứng thư số đã hết hạn (2021-01-01T00:00:00.000Z)') }],
    });
    expect(await api.env.query(`SELECT f.id FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1`, [late])).toEqual([]);
    const described = await api.http().get('/api/agencies/001.01.12.H56/signing-key').set('Authorization', admin);
    expect(described.body).toMatchObject({ subject: 'CN=Chi nhanh cu, O=motcua demo, C=VN', validNow: false });
  });
});
