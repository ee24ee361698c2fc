import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { readPdf } from '@motcua/testing';
import { asBuffer } from './support/api';
import { screenshot, signIn, useConsole } from './support/browser';
import { fileDossier, freezeClock, landDossier, todayInVietnam, verifierOf } from './support/dossiers';
import { workStep } from './support/steps';
import { eventually } from './support/worker';

const COUNTER = 'tiepnhan.vinhhai';
const LAND = 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng';
const CERTIFIED_COPY = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp';

const harness = useConsole();

/** The dossier as the counter officer sees it through the API. */
async function dossier(code: string) {
  const response = await harness()
    .api.http()
    .get(`/api/dossiers/${code}`)
    .set('Authorization', await harness().api.login(COUNTER));
  expect(response.status).toBe(200);
  return response.body;
}

/** Files a dossier through the API as the counter officer; returns its code. */
async function file(body: Record<string, unknown>): Promise<string> {
  return (await fileDossier(harness().api, body, COUNTER)).code;
}

/** Waits for the dossier's step in the processor's inbox, claims it and completes it with this body (an action, its note, items). */
async function completeStep(username: string, code: string, step: string, body: Record<string, unknown>): Promise<void> {
  const { api } = harness();
  const token = await api.login(username);
  const task = await eventually(async () => {
    const items = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', token)).body.items as { id: string; stepKey: string }[];
    const found = items.find((item) => item.stepKey === step);
    expect(found).toBeDefined();
    return found!;
  }, 20_000);
  expect((await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', token)).status).toBe(200);
  expect((await api.http().post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send(body)).status).toBe(200);
}

/** Types a search into the procedure picker and takes the first match. */
async function pickProcedure(page: Page, typed: string, name: string): Promise<void> {
  await page.getByLabel('Thủ tục hành chính').click();
  await page.keyboard.type(typed);
  await page.getByText(name, { exact: true }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Thời hạn giải quyết').waitFor();
}

async function fillApplicant(page: Page, applicant: { fullName: string; idNumber: string; dateOfBirth: string; phone: string; line: string }): Promise<void> {
  await page.getByLabel('Họ và tên', { exact: true }).fill(applicant.fullName);
  await page.getByLabel('Số CCCD', { exact: true }).fill(applicant.idNumber);
  await page.getByLabel('Ngày sinh').fill(applicant.dateOfBirth);
  await page.getByLabel('Ngày sinh').press('Enter');
  await page.getByLabel('Số điện thoại').fill(applicant.phone);
  await page.getByLabel('Địa chỉ (số nhà, đường, thôn, tổ dân phố)').fill(applicant.line);
}

/**
 * A screenshot once drawers, dialogs and fades have finished moving. Spinners spin forever and are left
 * out; an animation cancelled on the way (its element removed) counts as finished.
 */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await screenshot(page, name);
}

/** Answers the confirmation dialog that asks `question` once it has finished zooming in (a click during the animation can miss). */
async function confirm(page: Page, question: string, answer: string): Promise<void> {
  const confirmation = page.getByRole('dialog').filter({ hasText: question });
  await confirmation.waitFor();
  await confirmation.evaluate((dialog) => Promise.all(dialog.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined))));
  await confirmation.getByRole('button', { name: answer }).click();
  await confirmation.waitFor({ state: 'hidden' });
}

/** Clicks the submit button, then the same action in the confirmation dialog that asks `question`. */
async function decide(page: Page, action: string, question: string): Promise<void> {
  // A button's name starts with its icon's ("check Tiếp nhận hồ sơ").
  await page.getByRole('button', { name: new RegExp(`${action}$`) }).click();
  await confirm(page, question, action);
}

/**
 * Clicks a slip button: the console fetches the PDF and opens it in a new tab. Returns the slip's text,
 * read through the API (Chromium does not hand a test the body of a response the page kept as a blob).
 */
async function printSlip(page: Page, button: string | RegExp, code: string, form: string): Promise<string> {
  const path = `/api/dossiers/${code}/slips/${form}.pdf`;
  const [response, tab] = await Promise.all([
    page.waitForResponse((candidate) => new URL(candidate.url()).pathname === path),
    page.waitForEvent('popup'),
    page.getByRole('button', { name: button }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  await tab.close();
  const pdf = await harness()
    .api.http()
    .get(path)
    .set('Authorization', await harness().api.login(COUNTER))
    .buffer(true)
    .parse(asBuffer);
  return (await readPdf(pdf.body as Buffer))
    .map((pdfPage) => pdfPage.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

/** The dossier code the result panel shows. */
const shownCode = async (page: Page) =>
  page
    .getByText(/^002\.00\.31\.H56-\d{6}-\d{4}$/)
    .first()
    .innerText();

describe('intake at the counter', () => {
  let page: Page;
  beforeAll(async () => {
    // Monday 12 May 2025, 08:15: a land transfer received now is due 10 working days later, on 26 May at 17:00.
    freezeClock(harness().api, '2025-05-12 08:15');
    page = await harness().newPage();
    await signIn(page, COUNTER);
  }, 30_000);
  afterAll(async () => {
    await page.context().close();
    jest.restoreAllMocks();
  });

  it('takes a land transfer in to a printed receipt: search without diacritics, ticked papers, a CCCD checked as typed', async () => {
    expect(new URL(page.url()).pathname).toBe('/tiep-nhan');
    await page.getByText('Chọn thủ tục để hiện danh sách giấy tờ cần kiểm tra').waitFor();
    await snap(page, 'intake-empty');

    await pickProcedure(page, 'dang ky bien dong chuyen nhuong', LAND);
    await expect(page.getByText('10 ngày làm việc').innerText()).resolves.toBe('10 ngày làm việc');
    await expect(page.getByText('Lệ phí cấp Giấy chứng nhận: 50.000 đồng').count()).resolves.toBe(1);
    for (const paper of [
      'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất',
      'Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng',
      'Bản gốc Giấy chứng nhận đã cấp',
      'Tờ khai thuế thu nhập cá nhân, lệ phí trước bạ',
    ]) {
      await page.getByRole('checkbox', { name: paper }).check();
    }
    await expect(page.getByText('Đã nhận 4/4 thành phần hồ sơ').count()).resolves.toBe(1);

    await fillApplicant(page, { fullName: 'Nguyễn Thị Hồng Thủy', idNumber: '05618500123', dateOfBirth: '12/04/1985', phone: '0905123456', line: '12 Trần Phú' });
    await page.getByLabel('Thư điện tử').fill('thuy.nguyen@');
    // Eleven digits, half an e-mail: the officer is told at once, before sending anything.
    const idProblem = page.getByText('Số CCCD phải gồm đúng 12 chữ số');
    const emailProblem = page.getByText('Địa chỉ thư điện tử không hợp lệ');
    await idProblem.waitFor();
    await emailProblem.waitFor();
    await snap(page, 'intake-invalid-id');
    await page.getByLabel('Số CCCD', { exact: true }).fill('056185001234');
    await page.getByLabel('Thư điện tử').fill('thuy.nguyen@example.vn');
    await idProblem.waitFor({ state: 'detached' });
    await emailProblem.waitFor({ state: 'detached' });
    await snap(page, 'intake-filled');

    await decide(page, 'Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ?');
    await page.getByText('Đã tiếp nhận hồ sơ', { exact: true }).waitFor();
    const code = await shownCode(page);
    expect(code).toMatch(/^002\.00\.31\.H56-250512-\d{4}$/);
    await expect(page.getByText(`Mã hồ sơ ${code} · Hẹn trả kết quả: 17:00, ngày 26/05/2025`).count()).resolves.toBe(1);
    await expect(page.getByText('Đã tiếp nhận', { exact: true }).count()).resolves.toBe(1);
    // The verifier is called as on the receipt and the citizen's status page.
    await expect(page.getByText('Số xác thực', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(`${await verifierOf(harness().api, code)} (công dân nhập cùng mã hồ sơ để tra cứu tình trạng)`, { exact: true }).count()).resolves.toBe(1);
    await snap(page, 'intake-accepted');

    const receipt = await printSlip(page, /In giấy tiếp nhận/, code, 'BM.01');
    expect(receipt).toContain(code);
    expect(receipt).toContain('Nguyễn Thị Hồng Thủy');

    // Received by the counter; the worker may already have started the workflow.
    const saved = await dossier(code);
    expect(saved.history.map((entry: { action: string; toStatus: string }) => [entry.action, entry.toStatus]).slice(0, 2)).toEqual([
      ['submit', 'SUBMITTED'],
      ['accept', 'RECEIVED'],
    ]);
    expect(saved).toMatchObject({
      channel: 'counter',
      procedureCode: '1.004227',
      dueText: '17:00, ngày 26/05/2025',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Thị Hồng Thủy',
        idNumber: '056185001234',
        dateOfBirth: '1985-04-12',
        phone: '0905123456',
        email: 'thuy.nguyen@example.vn',
        address: { line: '12 Trần Phú', communeCode: '22330' },
      },
    });
    expect(saved.documents.map((paper: { key: string; originals: number; copies: number }) => [paper.key, paper.originals, paper.copies])).toEqual([
      ['don-dang-ky', 1, 0],
      ['hop-dong', 1, 0],
      ['giay-chung-nhan', 1, 0],
      ['to-khai-thue', 1, 0],
    ]);
  }, 90_000);

  it('cannot accept with a mandatory paper missing, and asks for it instead (BM.02)', async () => {
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ tiếp theo$/ }).click();
    await pickProcedure(page, 'chung thuc ban sao', CERTIFIED_COPY);
    await page.getByRole('checkbox', { name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao' }).check();
    await fillApplicant(page, { fullName: 'Lê Văn Nam', idNumber: '056190004321', dateOfBirth: '03/09/1990', phone: '0914000111', line: '5 Phạm Văn Đồng' });
    await page.getByText('Chưa thể tiếp nhận hồ sơ').waitFor();
    await expect(page.getByRole('button', { name: /Tiếp nhận hồ sơ$/ }).isDisabled()).resolves.toBe(true);
    await snap(page, 'intake-missing-paper');

    await page.getByText('Yêu cầu bổ sung', { exact: true }).click();
    await expect(page.getByLabel('Nội dung bổ sung 1').inputValue()).resolves.toBe('Bản sao cần chứng thực');
    await expect(page.getByLabel('Lý do bổ sung 1').inputValue()).resolves.toBe('Chưa nộp');
    await snap(page, 'intake-supplement-request');
    await decide(page, 'Gửi yêu cầu bổ sung', 'Gửi yêu cầu bổ sung hồ sơ?');

    await page.getByText('Đã yêu cầu bổ sung hồ sơ', { exact: true }).waitFor();
    const code = await shownCode(page);
    await expect(page.getByText('Bản sao cần chứng thực: Chưa nộp').count()).resolves.toBe(1);
    await snap(page, 'intake-supplement-requested');
    expect(await printSlip(page, /In phiếu yêu cầu bổ sung/, code, 'BM.02')).toContain('Bản sao cần chứng thực');
    expect(await dossier(code)).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', receivedAt: null, supplementRequest: [{ documentKey: 'ban-sao', what: 'Bản sao cần chứng thực', why: 'Chưa nộp' }] });
  }, 60_000);

  it('takes the papers of the case (trường hợp) chosen, refuses with a reason and prints the refusal (BM.03)', async () => {
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ tiếp theo$/ }).click();
    await pickProcedure(page, 'khai sinh', 'Đăng ký khai sinh');
    await expect(page.getByRole('checkbox', { name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con' }).count()).resolves.toBe(0);
    await page.getByText('Đăng ký khai sinh kết hợp nhận cha, mẹ, con', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con' }).check();
    await fillApplicant(page, { fullName: 'Phạm Thị Lan', idNumber: '056188007777', dateOfBirth: '20/11/1988', phone: '0987654321', line: '9 Hai Bà Trưng' });
    await page.getByText('Từ chối', { exact: true }).click();
    await page.getByLabel('Lý do từ chối').fill('Sai');
    await page.getByText('Phải có ít nhất 5 ký tự').waitFor();
    await page.getByLabel('Lý do từ chối').fill('Trẻ sinh tại tỉnh khác, cha mẹ không cư trú tại phường');
    await snap(page, 'intake-refusal');
    await decide(page, 'Từ chối tiếp nhận', 'Từ chối tiếp nhận hồ sơ?');

    await page.getByText('Đã từ chối tiếp nhận hồ sơ', { exact: true }).waitFor();
    const code = await shownCode(page);
    await expect(page.getByText('Trẻ sinh tại tỉnh khác, cha mẹ không cư trú tại phường', { exact: true }).count()).resolves.toBe(1);
    await snap(page, 'intake-refused');
    expect(await printSlip(page, /In phiếu từ chối tiếp nhận/, code, 'BM.03')).toContain('cha mẹ không cư trú tại phường');
    expect(await dossier(code)).toMatchObject({
      status: 'REFUSED',
      procedureCode: '1.001193',
      variant: 'ket-hop-nhan-cha-me-con',
      refusalReason: 'Trẻ sinh tại tỉnh khác, cha mẹ không cư trú tại phường',
      documents: [{ key: 'chung-cu-quan-he', originals: 1, copies: 0 }],
    });
  }, 60_000);
});

describe('a filing received by post', () => {
  it('is recorded at the intake page without a decision, and waits in the queue for it', async () => {
    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.getByText('Qua bưu chính', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Qua bưu chính' }).isChecked()).resolves.toBe(true);
    await pickProcedure(page, 'chung thuc ban sao', CERTIFIED_COPY);
    await page.getByRole('checkbox', { name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao' }).check();
    await fillApplicant(page, { fullName: 'Huỳnh Thị Cúc', idNumber: '056186005555', dateOfBirth: '14/02/1986', phone: '0978111222', line: '3 Lê Thánh Tôn' });
    // The envelope lacks a paper: that is for the decision, taken later from the queue, not here.
    await page.getByText('Hồ sơ gửi qua bưu chính được ghi nhận, chưa tiếp nhận').waitFor();
    await expect(page.getByRole('button', { name: /Tiếp nhận hồ sơ$/ }).count()).resolves.toBe(0);
    await snap(page, 'intake-post');
    await decide(page, 'Ghi nhận hồ sơ bưu chính', 'Ghi nhận hồ sơ gửi qua bưu chính?');

    await page.getByText('Đã ghi nhận hồ sơ gửi qua bưu chính, chờ quyết định tiếp nhận', { exact: true }).waitFor();
    const code = await shownCode(page);
    await expect(page.getByText('Chờ tiếp nhận', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /In giấy tiếp nhận/ }).count()).resolves.toBe(0);
    await snap(page, 'intake-post-recorded');
    const saved = await dossier(code);
    expect(saved).toMatchObject({ channel: 'post', status: 'SUBMITTED', receivedAt: null, dueAt: null, documents: [{ key: 'ban-chinh', originals: 1, copies: 0 }] });
    expect(saved.history.map((entry: { action: string }) => entry.action)).toEqual(['submit']);

    await page.getByRole('button', { name: /Mở danh sách chờ tiếp nhận$/ }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý tại Bộ phận Một cửa' }).waitFor();
    await page.getByRole('main').getByText(code, { exact: true }).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(code) }).innerText()).resolves.toMatch(/Bưu chính[\s\S]*Huỳnh Thị Cúc/);
    await snap(page, 'queue-post');
    await page.context().close();
  }, 60_000);
});

describe('the queue of online and postal filings', () => {
  it('lists online filings oldest first and accepts one from there', async () => {
    const first = await file(landDossier({ channel: 'online' }));
    const second = await file(landDossier({ channel: 'post', applicant: { ...landDossier().applicant, fullName: 'Trần Văn Bình', idNumber: '056085002222' } }));
    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.getByRole('menuitem', { name: 'Hồ sơ chờ xử lý tại quầy' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý tại Bộ phận Một cửa' }).waitFor();
    await expect(page.getByRole('tab').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Chờ tiếp nhận \(\d+\)$/),
      expect.stringMatching(/^Chờ công dân bổ sung \(\d+\)$/),
      'Chờ nộp thuế, phí (0)',
    ]);
    await page.getByRole('main').getByText(second, { exact: true }).waitFor();
    const codes = await page
      .getByRole('main')
      .getByText(/^002\.00\.31\.H56-\d{6}-\d{4}$/)
      .allInnerTexts();
    expect(codes.indexOf(first)).toBeLessThan(codes.indexOf(second));
    await expect(page.getByRole('row', { name: new RegExp(first) }).innerText()).resolves.toContain('Trực tuyến');
    await expect(page.getByRole('row', { name: new RegExp(second) }).innerText()).resolves.toContain('Bưu chính');
    await snap(page, 'queue');

    await page.getByRole('button', { name: `Xử lý hồ sơ ${first}` }).click();
    const drawer = page.getByRole('dialog', { name: `Hồ sơ ${first}` });
    await drawer.getByText('Đối chiếu thành phần hồ sơ').waitFor();
    await expect(drawer.getByRole('checkbox', { name: 'Bản gốc Giấy chứng nhận đã cấp' }).isChecked()).resolves.toBe(true);
    await snap(page, 'queue-review');
    await decide(page, 'Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ?');
    await drawer.getByText('Đã tiếp nhận hồ sơ', { exact: true }).waitFor();
    await expect(drawer.getByRole('button', { name: /In giấy tiếp nhận/ }).count()).resolves.toBe(1);
    await snap(page, 'queue-accepted');
    expect((await dossier(first)).history.map((entry: { action: string }) => entry.action).slice(0, 2)).toEqual(['submit', 'accept']);

    await page.getByRole('button', { name: /Về danh sách chờ$/ }).click();
    await page.getByRole('main').getByText(first, { exact: true }).waitFor({ state: 'detached' });
    await expect(page.getByRole('main').getByText(second, { exact: true }).count()).resolves.toBe(1);
    await page.context().close();
  }, 90_000);

  it('records the papers a citizen brings back, then accepts the dossier', async () => {
    const code = await file({
      ...landDossier({
        documents: [
          { key: 'don-dang-ky', originals: 1, copies: 0 },
          { key: 'hop-dong', originals: 1, copies: 0 },
          { key: 'to-khai-thue', originals: 1, copies: 0 },
        ],
      }),
      decision: { action: 'request-supplement', items: [{ documentKey: 'giay-chung-nhan', what: 'Bản gốc Giấy chứng nhận đã cấp', why: 'Chưa nộp' }] },
    });
    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.goto('/cho-tiep-nhan');
    await page.getByRole('tab', { name: /Chờ công dân bổ sung/ }).click();
    await page.getByRole('button', { name: `Xử lý hồ sơ ${code}` }).click();
    const drawer = page.getByRole('dialog', { name: `Hồ sơ ${code}` });
    // What was asked for is the checklist; ticking it ticks the procedure's paper too.
    await drawer.getByRole('checkbox', { name: 'Bản gốc Giấy chứng nhận đã cấp — Chưa nộp', exact: true }).check();
    await drawer.getByLabel('Ghi chú').fill('Công dân nộp bổ sung bản gốc Giấy chứng nhận');
    await snap(page, 'queue-supplement');
    await drawer.getByRole('button', { name: /Ghi nhận đã bổ sung$/ }).click();

    await drawer.getByText('Đối chiếu thành phần hồ sơ').waitFor();
    await decide(page, 'Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ?');
    await drawer.getByText('Đã tiếp nhận hồ sơ', { exact: true }).waitFor();
    await snap(page, 'queue-supplement-accepted');
    const saved = await dossier(code);
    expect(saved.history.map((entry: { action: string }) => entry.action).slice(0, 4)).toEqual(['submit', 'request-supplement', 'supplement', 'accept']);
    expect(saved.documents.map((paper: { key: string }) => paper.key)).toEqual(['don-dang-ky', 'hop-dong', 'giay-chung-nhan', 'to-khai-thue']);
    await page.context().close();
  }, 90_000);

  it('takes in, item by item, what a processor asked for mid-way, and processing resumes', async () => {
    const code = await file(landDossier({ applicant: { ...landDossier().applicant, fullName: 'Đinh Công Sơn', idNumber: '056085004444' } }));
    await completeStep('xuly.vpdk.nhatrang', code, 'tham-dinh', {
      action: 'request-supplement',
      note: 'Hồ sơ chưa đủ điều kiện thẩm định',
      items: [
        { documentKey: 'hop-dong', what: 'Hợp đồng chuyển nhượng có đủ chữ ký các bên', why: 'Thiếu chữ ký của bên nhận chuyển nhượng' },
        { what: 'Trích lục bản đồ địa chính thửa đất', why: 'Cần xác định ranh giới thửa đất' },
      ],
    });
    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.goto('/cho-tiep-nhan');
    await page.getByRole('tab', { name: /Chờ công dân bổ sung/ }).click();
    await page.getByRole('button', { name: `Xử lý hồ sơ ${code}` }).click();
    const drawer = page.getByRole('dialog', { name: `Hồ sơ ${code}` });
    const save = drawer.getByRole('button', { name: /Ghi nhận đã bổ sung$/ });
    await save.waitFor();
    await drawer.getByText(/^Yêu cầu bởi Đặng Văn Đất lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}: Hồ sơ chưa đủ điều kiện thẩm định$/).waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await drawer.getByRole('checkbox', { name: 'Hợp đồng chuyển nhượng có đủ chữ ký các bên — Thiếu chữ ký của bên nhận chuyển nhượng', exact: true }).check();
    await drawer.getByText('Đã nhận 1/2 nội dung; chỉ ghi nhận khi công dân đã nộp đủ các nội dung đã yêu cầu.').waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await drawer.getByRole('checkbox', { name: 'Trích lục bản đồ địa chính thửa đất — Cần xác định ranh giới thửa đất', exact: true }).check();
    await snap(page, 'queue-supplement-midway');
    await save.click();

    await page.getByText('Đã ghi nhận hồ sơ bổ sung. Đang giải quyết.').waitFor();
    await drawer.getByText('Hồ sơ không còn chờ Bộ phận Một cửa xử lý (trạng thái: Đang giải quyết).').waitFor();
    const saved = await dossier(code);
    expect(saved).toMatchObject({ status: 'IN_PROCESS', supplementRequest: null });
    expect(saved.history.at(-1)).toMatchObject({ action: 'supplement', note: 'Đã nhận bổ sung: Hợp đồng chuyển nhượng có đủ chữ ký các bên; Trích lục bản đồ địa chính thửa đất' });
    await page.context().close();
  }, 90_000);

  it('records the taxes and fees a citizen paid, and the dossier goes back to processing', async () => {
    const code = await file(landDossier({ applicant: { ...landDossier().applicant, fullName: 'Hồ Thị Ngân', idNumber: '056185006666' } }));
    await workStep(harness().api, 'xuly.vpdk.nhatrang', code, { step: 'tham-dinh' });
    const notice = 'Thông báo nộp thuế thu nhập cá nhân 12.500.000 đồng, lệ phí trước bạ 2.500.000 đồng';
    await completeStep('xuly.thue.nhatrang', code, 'nghia-vu-tai-chinh', { action: 'request-payment', note: notice });
    expect((await dossier(code)).status).toBe('AWAITING_PAYMENT');

    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.goto('/cho-tiep-nhan');
    await page.getByRole('tab', { name: 'Chờ nộp thuế, phí (1)' }).click();
    await page.getByRole('button', { name: `Xử lý hồ sơ ${code}` }).click();
    const drawer = page.getByRole('dialog', { name: `Hồ sơ ${code}` });
    await drawer.getByText(notice, { exact: true }).waitFor();
    await expect(drawer.getByText('Bùi Thị Thuế – Cơ quan thuế xác định nghĩa vụ tài chính', { exact: true }).count()).resolves.toBe(1);
    await expect(drawer.getByText('Lệ phí cấp Giấy chứng nhận: 50.000 đồng', { exact: true }).count()).resolves.toBe(1);
    await expect(drawer.getByText('Chờ thực hiện nghĩa vụ tài chính', { exact: true }).count()).resolves.toBe(1);

    // Nothing is recorded without the receipt.
    const record = drawer.getByRole('button', { name: /Ghi nhận đã nộp thuế, phí$/ });
    await record.click();
    await drawer.getByText('Vui lòng nhập số tiền đã nộp').waitFor();
    await drawer.getByText('Vui lòng nhập số biên lai hoặc chứng từ').waitFor();
    await drawer.getByLabel('Số tiền đã nộp (đồng)').fill('15000000');
    await drawer.getByLabel('Số biên lai, chứng từ nộp tiền').fill('0012345');
    await drawer.getByText('Vui lòng nhập số biên lai hoặc chứng từ').waitFor({ state: 'detached' });
    await snap(page, 'queue-payment');
    await record.click();
    const paidOn = todayInVietnam().split('-').reverse().join('/');
    const receipt = `Đã nộp 15.000.000 đồng theo biên lai, chứng từ số 0012345 ngày ${paidOn}`;
    await page.getByRole('dialog').filter({ hasText: receipt }).waitFor();
    await confirm(page, 'Xác nhận công dân đã nộp thuế, phí?', 'Ghi nhận đã nộp');

    await page.getByText(`Đã ghi nhận công dân nộp thuế, phí. Hồ sơ ${code}: đang giải quyết.`).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Chờ nộp thuế, phí (0)' }).waitFor();
    await page.getByText('Không có hồ sơ nào chờ công dân nộp thuế, phí').waitFor();
    await snap(page, 'queue-payment-recorded');
    const saved = await dossier(code);
    expect(saved.status).toBe('IN_PROCESS');
    expect(saved.history.at(-1)).toMatchObject({ action: 'payment', toStatus: 'IN_PROCESS', actorName: 'Dương Thị Tiếp', note: receipt });
    await page.context().close();
  }, 90_000);
});

describe('the return desk', () => {
  it('hands a resolved certified copy over at the desk and shows "Đã trả kết quả"', async () => {
    const code = await file({
      procedureCode: '2.000815',
      channel: 'counter',
      applicant: { kind: 'person', fullName: 'Võ Minh Tâm', idNumber: '056195003333', dateOfBirth: '1995-07-01', phone: '0935111222', address: { line: '27 Nguyễn Trãi', communeCode: '22330' } },
      documents: [
        { key: 'ban-chinh', originals: 1, copies: 0 },
        { key: 'ban-sao', originals: 0, copies: 1 },
      ],
    });
    await workStep(harness().api, 'xuly.vinhhai', code, { step: 'chung-thuc' });
    await completeStep('lanhdao.vinhhai', code, 'ky', { action: 'approve', note: 'Đã ký chứng thực bản sao' });
    await eventually(async () => expect((await dossier(code)).status).toBe('RESOLVED'), 20_000);

    const page = await harness().newPage();
    await signIn(page, COUNTER);
    await page.getByRole('menuitem', { name: 'Trả kết quả' }).click();
    await page.getByRole('main').getByText(code, { exact: true }).waitFor();
    await snap(page, 'return-desk');

    await page.getByRole('button', { name: `Trả kết quả hồ sơ ${code}` }).click();
    const drawer = page.getByRole('dialog', { name: `Trả kết quả hồ sơ ${code}` });
    await drawer.getByText('Kết quả giải quyết').waitFor();
    await expect(drawer.getByText('Đã có kết quả, chờ trả', { exact: true }).count()).resolves.toBe(1);
    // Timeliness in the words of the dossier's timeline; the leader's note said for what it is.
    await expect(drawer.getByText(/^(Sớm hạn|Đúng hạn)$/).count()).resolves.toBe(1);
    await expect(drawer.getByText('Ý kiến xử lý gần nhất', { exact: true }).count()).resolves.toBe(1);
    await expect(drawer.getByText(/^Đã ký chứng thực bản sao — Trịnh Văn Chủ, \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).count()).resolves.toBe(1);
    await expect(drawer.getByLabel('Người nhận kết quả').inputValue()).resolves.toBe('Võ Minh Tâm');
    await drawer.getByLabel('Số CCCD người nhận').fill('056195003333');
    await snap(page, 'return-desk-dossier');
    await drawer.getByRole('button', { name: /Xác nhận trả kết quả$/ }).click();
    await confirm(page, 'Xác nhận đã trả kết quả?', 'Xác nhận trả kết quả');

    await drawer.getByText('Đã trả kết quả cho công dân').waitFor();
    await expect(drawer.getByText('Đã trả kết quả', { exact: true }).count()).resolves.toBe(1);
    await snap(page, 'return-desk-returned');
    const saved = await dossier(code);
    expect(saved).toMatchObject({ status: 'RETURNED', statusLabel: 'Đã trả kết quả', returnMethod: 'counter' });
    expect(saved.history.at(-1)).toMatchObject({ action: 'return', note: 'Người nhận: Võ Minh Tâm, CCCD 056195003333' });

    // Back in the list the dossier is gone; its code still opens it, as returned.
    await drawer.getByRole('button', { name: 'Về danh sách' }).click();
    await page.getByRole('main').getByText(code, { exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Tìm hồ sơ').fill(code);
    await page.getByLabel('Tìm hồ sơ').press('Enter');
    await page
      .getByRole('dialog', { name: `Trả kết quả hồ sơ ${code}` })
      .getByText(/^Hồ sơ đã trả kết quả lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\.$/)
      .waitFor();
    await snap(page, 'return-desk-search');
    await page.context().close();
  }, 120_000);
});

describe("the applicant's identity at intake", () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness().newPage();
    await signIn(page, COUNTER);
  }, 30_000);
  afterAll(() => page.context().close());

  /** The error antd shows under a field, or null while it shows none. */
  const errorUnder = async (label: string) => {
    const id = await page.getByLabel(label, { exact: true }).getAttribute('id');
    const help = page.locator(`[id="${id}_help"] .ant-form-item-explain-error`);
    return (await help.count()) === 0 ? null : help.innerText();
  };
  const typeDateOfBirth = async (typed: string) => {
    await page.getByLabel('Ngày sinh').fill(typed);
    await page.getByLabel('Ngày sinh').press('Enter');
  };

  it('says why a date of birth cannot be taken, takes 12041985, and names both fields when the CCCD contradicts them', async () => {
    await pickProcedure(page, 'dang ky bien dong chuyen nhuong', LAND);
    await typeDateOfBirth('12042099');
    await eventually(async () => expect(await errorUnder('Ngày sinh')).toBe('Ngày sinh không được sau ngày hôm nay'));
    // What was typed stays for the officer to correct.
    await expect(page.getByLabel('Ngày sinh').inputValue()).resolves.toBe('12/04/2099');
    await typeDateOfBirth('01011899');
    await eventually(async () => expect(await errorUnder('Ngày sinh')).toBe('Ngày sinh không được trước năm 1900'));
    await typeDateOfBirth('12041985');
    await eventually(async () => expect(await errorUnder('Ngày sinh')).toBeNull());
    await expect(page.getByLabel('Ngày sinh').inputValue()).resolves.toBe('12/04/1985');

    await page.getByLabel('Số CCCD', { exact: true }).fill('056190004321');
    await eventually(async () => expect(await errorUnder('Số CCCD')).toBe('Số CCCD không khớp với ngày sinh: chữ số thứ 4–6 của số CCCD cho biết năm sinh 1990, ngày sinh đã nhập là 12/04/1985'));
    await typeDateOfBirth('03091990');
    await eventually(async () => expect(await errorUnder('Số CCCD')).toBeNull());
    await page.getByLabel('Giới tính').click();
    await page.locator('.ant-select-dropdown').getByTitle('Nam', { exact: true }).click();
    await eventually(async () => expect(await errorUnder('Số CCCD')).toBe('Số CCCD không khớp với giới tính: chữ số thứ 4 (1) là của nữ'));
    await snap(page, 'intake-identity-mismatch');
  }, 60_000);

  it('shows no tax-code error before the officer types one', async () => {
    await page.reload();
    await pickProcedure(page, 'dang ky bien dong chuyen nhuong', LAND);
    await page.getByText('Tổ chức, doanh nghiệp').click();
    await page.getByLabel('Mã số thuế').waitFor();
    await expect(errorUnder('Mã số thuế')).resolves.toBeNull();
    await page.getByLabel('Mã số thuế').fill('42012');
    await eventually(async () => expect(await errorUnder('Mã số thuế')).toBe('Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: thêm dấu gạch và 3 chữ số)'));
  }, 60_000);
});
