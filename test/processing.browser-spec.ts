import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { screenshot as save, signIn, useConsole } from './support/browser';
import { CERTIFIED_COPY, fileDossier, freezeClock, verifierOf } from './support/dossiers';
import { workStep } from './support/steps';
import { eventually } from './support/worker';

const NOTE = 'Bản sao khớp với bản chính, đủ điều kiện chứng thực';
const COMMUNE = 'Ủy ban nhân dân phường Vĩnh Hải';
const RETURN_REASON = 'Bản sao thiếu trang 2, đề nghị đối chiếu lại';

const harness = useConsole();
/** Moves the API's clock (the worker's stays at Monday 08:00, when every step here opens). */
let setApiTime: (local: string) => void;

beforeAll(() => {
  // A Monday morning: each step's deadline and working time left are known to the minute.
  setApiTime = freezeClock(harness().api, '2025-03-03 08:00');
  freezeClock(harness().worker, '2025-03-03 08:00');
});

const as = (username: string) => harness().api.login(username);

/** Files and accepts a certified copy at Phường Vĩnh Hải's counter; returns its code. */
async function fileCertifiedCopy(): Promise<string> {
  return (await fileDossier(harness().api, CERTIFIED_COPY)).code;
}

/** Waits until the worker has opened the dossier's step in the user's inbox. */
async function stepOpened(username: string, code: string, stepKey: string): Promise<void> {
  await eventually(async () => {
    const inbox = await harness()
      .api.http()
      .get('/api/tasks')
      .query({ dossier: code })
      .set('Authorization', await as(username));
    expect(inbox.body.items.map((task: { stepKey: string }) => task.stepKey)).toContain(stepKey);
  }, 15_000);
}

/** A screenshot once the page's transitions (a drawer sliding in, a radio's ripple) have finished. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await save(page, name);
}

/** The table row of a dossier (its code comes first, which tells it apart from the drawer's summary). */
const rowOf = (page: Page, code: string): Locator => page.getByRole('row', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
const toast = (page: Page, text: string) => page.locator('.ant-message-notice').filter({ hasText: text }).waitFor();
/** The dossier page's card of the steps open now, one inner card per step. */
const openSteps = (page: Page): Locator =>
  page
    .locator('.ant-card')
    .filter({ has: page.getByText('Đang xử lý tại', { exact: true }) })
    .locator('.ant-card-body')
    .first();
/** The decisions the drawer offers, once it has loaded the dossier. */
async function radioLabels(drawer: Locator): Promise<string[]> {
  await drawer.getByRole('radio').first().waitFor();
  return drawer.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.closest('label')!.innerText));
}

describe('a processor completing a step', () => {
  let code: string;

  it('claims the step in the inbox, completes it with a note, and the leader gets the next step', async () => {
    code = await fileCertifiedCopy();
    await stepOpened('xuly.vinhhai', code, 'chung-thuc');

    const page = await harness().newPage();
    await signIn(page, 'xuly.vinhhai');
    expect(new URL(page.url()).pathname).toBe('/xu-ly');
    const row = rowOf(page, code);
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 6)).toEqual([
      code,
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp',
      'Nguyễn Thị Hồng Thủy',
      'Đối chiếu và chứng thực',
      '10:00 03/03/2025',
      'còn 2 giờ',
    ]);
    await screenshot(page, 'inbox');

    await row.getByRole('button', { name: 'Nhận xử lý' }).click();
    await toast(page, `Đã nhận xử lý hồ sơ ${code}.`);
    await page.getByRole('tab', { name: 'Việc của tôi (1)' }).waitFor();
    await screenshot(page, 'inbox-claimed');

    await page.getByRole('tab', { name: /Việc của tôi/ }).click();
    await rowOf(page, code).getByRole('button', { name: 'Xử lý' }).click();
    const drawer = page.getByRole('dialog', { name: `Xử lý hồ sơ ${code}` });
    await drawer.getByText('Hẹn trả kết quả').waitFor();
    // The first step cannot be sent back; a processor forwards (approving is the leader's), and sees where to.
    expect(await radioLabels(drawer)).toEqual([`Chuyển bước tiếp theo: «Ký chứng thực» – ${COMMUNE}`, 'Yêu cầu công dân bổ sung hồ sơ', 'Yêu cầu thực hiện nghĩa vụ tài chính', 'Từ chối giải quyết']);
    expect(await drawer.getByRole('radio', { name: /^Chuyển bước tiếp theo/ }).isChecked()).toBe(true);
    expect(await drawer.getByRole('alert').count()).toBe(0); // a first pass: nothing was sent back
    await drawer.getByLabel('Ý kiến xử lý').fill(NOTE);
    // The button says what it does, for each decision.
    await drawer.getByText('Từ chối giải quyết').click();
    await drawer.getByRole('button', { name: 'Từ chối giải quyết' }).waitFor();
    await drawer.getByText('Yêu cầu công dân bổ sung hồ sơ').click();
    await drawer.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).waitFor();
    await drawer.getByText(/^Chuyển bước tiếp theo/).click();
    await screenshot(page, 'inbox-complete');
    await drawer.getByRole('button', { name: 'Chuyển sang bước «Ký chứng thực»' }).click();
    await toast(page, `Đã chuyển hồ sơ ${code} sang bước «Ký chứng thực» – ${COMMUNE}.`);
    await rowOf(page, code).waitFor({ state: 'detached' });
    await page.getByText('Ông/bà chưa nhận xử lý hồ sơ nào. Nhận việc ở thẻ «Việc của cơ quan».').waitFor();
    await screenshot(page, 'inbox-completed');
    await page.context().close();

    await stepOpened('lanhdao.vinhhai', code, 'ky');
    const leader = await harness().newPage();
    await signIn(leader, 'lanhdao.vinhhai');
    await leader.goto('/xu-ly');
    const next = rowOf(leader, code);
    await next.waitFor();
    expect((await next.getByRole('cell').allInnerTexts()).slice(3, 6)).toEqual(['Ký chứng thực', '09:00 03/03/2025', 'còn 1 giờ']);
    await screenshot(leader, 'inbox-leader');
    await leader.context().close();

    const processor = (
      await harness()
        .api.http()
        .get('/api/me')
        .set('Authorization', await as('xuly.vinhhai'))
    ).body;
    const dossier = (
      await harness()
        .api.http()
        .get(`/api/dossiers/${code}`)
        .set('Authorization', await as('giamsat.tinh'))
    ).body;
    expect(dossier.history).toContainEqual(
      expect.objectContaining({
        action: 'complete-step',
        actorName: processor.fullName,
        note: NOTE,
        details: expect.objectContaining({ step: 'chung-thuc', taskAction: 'forward', result: 'on_time' }),
      }),
    );
  }, 90_000);

  it('shows the dossier: status, verifier, address, where it is now, history with the note and where it went, and the control slip (BM.05) as a PDF', async () => {
    const page = await harness().newPage();
    await signIn(page, 'xuly.vinhhai');
    await page.goto('/ho-so');
    await page.getByLabel('Tìm hồ sơ').fill('nguyen thi hong thuy');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const row = rowOf(page, code);
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      code,
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp',
      'Nguyễn Thị Hồng Thủy',
      'Trực tiếp',
      '08:00 03/03/2025',
      '17:00 03/03/2025',
      'Đang giải quyết',
    ]);
    await screenshot(page, 'dossiers-list');

    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText('Hẹn trả kết quả: 17:00 03/03/2025').waitFor();
    expect(await page.locator('.ant-tag').first().innerText()).toBe('Đang giải quyết');
    expect(await page.getByRole('row', { name: /Thời hạn giải quyết/ }).innerText()).toContain('Trong ngày làm việc');
    // The citizen looks the dossier up with its code and this number, printed on the receipt.
    expect(await page.getByText('Số xác thực:').innerText()).toBe(`Số xác thực: ${await verifierOf(harness().api, code)}`);
    expect(await page.getByRole('row', { name: /Địa chỉ/ }).innerText()).toBe('Địa chỉ\t12 Trần Phú, Phường Vĩnh Hải');
    const processor = (
      await harness()
        .api.http()
        .get('/api/me')
        .set('Authorization', await as('xuly.vinhhai'))
    ).body;
    const step = page.getByTestId('history-entry').filter({ hasText: 'Hoàn thành bước «Đối chiếu và chứng thực»: Chuyển bước tiếp theo' });
    await step.getByText('Chuyển đến:').waitFor(); // once the workflow has come
    // Completed the same day as its deadline: on time. History times are the database's own clock, which no test freezes.
    expect((await step.innerText()).split('\n')).toEqual([
      'Hoàn thành bước «Đối chiếu và chứng thực»: Chuyển bước tiếp theoĐúng hạn',
      expect.stringMatching(new RegExp(`^\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4} · ${processor.fullName}$`)),
      `Ý kiến: ${NOTE}`,
      `Chuyển đến: «Ký chứng thực» – ${COMMUNE}`,
    ]);
    expect(await step.locator('.ant-tag').innerText()).toBe('Đúng hạn');
    expect(await page.getByTestId('history-entry').allInnerTexts()).toHaveLength(4); // submit, accept, start, the step
    // The processor's step is done: the dossier waits for the commune's leader, which the processor sees too, with nothing to do there.
    expect((await openSteps(page).innerText()).split('\n')).toEqual([COMMUNE, 'Ký chứng thực', 'Lãnh đạo phê duyệt', 'Chưa có cán bộ nhận xử lý', 'Hạn xử lý: 09:00 03/03/2025']);
    expect(await openSteps(page).getByRole('button').count()).toBe(0);
    await screenshot(page, 'dossier');

    const [slip] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === `/api/dossiers/${code}/slips/BM.05.pdf`),
      page.getByRole('button', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' }).click(),
    ]);
    expect(slip.status()).toBe(200);
    expect(slip.headers()['content-type']).toBe('application/pdf');
    await page.context().close();
  }, 60_000);

  it('marks a step past its deadline "Quá hạn", and lets its agency apologise once the dossier is late', async () => {
    const late = await fileCertifiedCopy();
    await stepOpened('xuly.vinhhai', late, 'chung-thuc');
    setApiTime('2025-03-03 09:45'); // past 80 % of the step's two working hours

    const page = await harness().newPage();
    await signIn(page, 'xuly.vinhhai');
    expect(await rowOf(page, late).locator('.ant-tag-orange').innerText()).toBe('Sắp đến hạn');
    await screenshot(page, 'inbox-due-soon');

    setApiTime('2025-03-03 11:00'); // the step was due at 10:00
    await page.getByRole('radiogroup', { name: 'Lọc theo hạn xử lý' }).getByText('Quá hạn').click();
    await page.waitForURL((url) => url.search === '?han=qua-han');
    const row = rowOf(page, late);
    await row.getByText('quá hạn 1 giờ').waitFor(); // the filtered list has come
    expect((await row.getByRole('cell').allInnerTexts())[5]).toBe('quá hạn 1 giờ\nQuá hạn');
    expect(await row.locator('.ant-tag-red').innerText()).toBe('Quá hạn');
    await screenshot(page, 'inbox-overdue');

    setApiTime('2025-03-04 08:00'); // the dossier was due at 17:00 the day before
    await row.getByRole('link', { name: late }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${late}` }).waitFor();
    await page.locator('.ant-tag-red').filter({ hasText: 'Quá hạn' }).first().waitFor();
    await page.getByRole('button', { name: 'Xin lỗi, hẹn lại ngày trả' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' });
    await dialog.getByLabel('Lý do chậm trễ').fill('Bản chính cần xác minh với cơ quan cấp');
    await dialog.getByLabel('Ngày hẹn trả mới').fill('17:00 05/03/2025');
    await screenshot(page, 'dossier-apology-form');
    await dialog.getByLabel('Ngày hẹn trả mới').press('Enter'); // confirms the date and, as in any form, submits it
    await toast(page, 'Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả.');
    await page.getByRole('button', { name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' }).waitFor();
    expect(await page.getByRole('button', { name: 'Xin lỗi, hẹn lại ngày trả' }).count()).toBe(0);
    const apology = page.getByTestId('history-entry').filter({ hasText: 'Xin lỗi và hẹn lại ngày trả kết quả' });
    expect(await apology.innerText()).toContain('Lý do: Bản chính cần xác minh với cơ quan cấp\nHẹn lại ngày trả: 17:00 05/03/2025');
    await page.getByText('Đã xin lỗi, hẹn lại ngày trả: 17:00 05/03/2025').waitFor();
    await screenshot(page, 'dossier-apology');
    await page.context().close();
  }, 60_000);

  it('shows a supervisor where the dossier is and who took its step, with nothing to act on', async () => {
    const leader = (
      await harness()
        .api.http()
        .get('/api/me')
        .set('Authorization', await as('lanhdao.vinhhai'))
    ).body;
    const [task] = (
      await harness()
        .api.http()
        .get('/api/tasks')
        .query({ dossier: code })
        .set('Authorization', await as('lanhdao.vinhhai'))
    ).body.items;
    expect(
      (
        await harness()
          .api.http()
          .post(`/api/tasks/${task.id}/claim`)
          .set('Authorization', await as('lanhdao.vinhhai'))
      ).status,
    ).toBe(200);

    const page = await harness().newPage();
    await signIn(page, 'giamsat.tinh');
    await page.goto(`/ho-so/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    const step = openSteps(page).getByLabel(`Bước «Ký chứng thực» tại ${COMMUNE}`);
    await step.waitFor();
    expect(await step.innerText()).toContain(`Cán bộ đang xử lý: ${leader.fullName}`);
    expect(await openSteps(page).getByRole('button').count()).toBe(0);
    await screenshot(page, 'dossier-supervisor');
    await page.context().close();
  }, 60_000);

  it('lets the leader send a step back to the processor, with a reason and after confirming; the processor sees it was sent back, and why', async () => {
    const code = await fileCertifiedCopy();
    await workStep(harness().api, 'xuly.vinhhai', code, { step: 'chung-thuc' });
    await stepOpened('lanhdao.vinhhai', code, 'ky');

    const page = await harness().newPage();
    await signIn(page, 'lanhdao.vinhhai');
    await rowOf(page, code).getByRole('button', { name: 'Nhận xử lý' }).click();
    await rowOf(page, code).getByRole('button', { name: 'Xử lý' }).click();
    const drawer = page.getByRole('dialog', { name: `Xử lý hồ sơ ${code}` });
    // A leader approves (forwarding is the processors'), and may send the dossier back to the step before.
    expect(await radioLabels(drawer)).toEqual([
      `Phê duyệt, chuyển «Trả kết quả tại Bộ phận Một cửa» – ${COMMUNE}`,
      'Trả lại bước trước',
      'Yêu cầu công dân bổ sung hồ sơ',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      'Từ chối giải quyết',
    ]);
    expect(await drawer.getByRole('radio', { name: /^Phê duyệt/ }).isChecked()).toBe(true);
    await drawer.getByRole('button', { name: 'Phê duyệt' }).waitFor();
    await drawer.getByText('Trả lại bước trước').click();
    expect(await drawer.getByLabel('Trả lại bước').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText()).toBe('Đối chiếu và chứng thực');
    const send = drawer.getByRole('button', { name: 'Trả lại bước «Đối chiếu và chứng thực»' });
    await send.click();
    await drawer.getByText('Nêu rõ lý do').waitFor();
    await drawer.getByLabel('Ý kiến xử lý').fill(RETURN_REASON);
    await send.click();
    const confirm = page.getByRole('dialog', { name: 'Trả hồ sơ về bước trước?' });
    expect(await confirm.innerText()).toContain(`Hồ sơ ${code} sẽ quay lại bước «Đối chiếu và chứng thực» để xử lý lại.`);
    await screenshot(page, 'inbox-return-confirm');
    await confirm.getByRole('button', { name: 'Trả lại' }).click();
    await toast(page, `Đã trả hồ sơ ${code} về bước «Đối chiếu và chứng thực».`);
    await rowOf(page, code).waitFor({ state: 'detached' });
    await page.context().close();

    await eventually(async () => {
      const inbox = await harness()
        .api.http()
        .get('/api/tasks')
        .query({ dossier: code })
        .set('Authorization', await as('xuly.vinhhai'));
      expect(inbox.body.items).toEqual([expect.objectContaining({ stepKey: 'chung-thuc', status: 'open', activation: 2 })]);
    }, 15_000);

    const leader = (
      await harness()
        .api.http()
        .get('/api/me')
        .set('Authorization', await as('lanhdao.vinhhai'))
    ).body;
    const processor = await harness().newPage();
    await signIn(processor, 'xuly.vinhhai');
    const row = rowOf(processor, code);
    await row.waitFor();
    expect((await row.getByRole('cell').nth(3).innerText()).split('\n')).toEqual(['Đối chiếu và chứng thực', 'Bị trả lại']);
    await screenshot(processor, 'inbox-returned');
    await row.getByRole('button', { name: 'Nhận xử lý' }).click();
    await rowOf(processor, code).getByRole('button', { name: 'Xử lý' }).click();
    const again = processor.getByRole('dialog', { name: `Xử lý hồ sơ ${code}` });
    const returned = again.getByRole('alert');
    await returned.waitFor();
    expect((await returned.innerText()).split('\n')).toEqual([
      'Bước bị trả lại từ bước «Ký chứng thực»',
      `Lý do: ${RETURN_REASON}`,
      expect.stringMatching(new RegExp(`^${leader.fullName}, \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}$`)),
    ]);
    await screenshot(processor, 'inbox-returned-drawer');
    await again.getByRole('button', { name: 'Hủy' }).click();

    // The dossier page says the same where the dossier is, and where the leader sent it in the history.
    await rowOf(processor, code).getByRole('link', { name: code }).click();
    const step = openSteps(processor).getByLabel(`Bước «Đối chiếu và chứng thực» tại ${COMMUNE}`);
    await step.getByText(`Lý do trả lại (từ bước «Ký chứng thực»): ${RETURN_REASON}`).waitFor();
    expect(await step.getByText('Bị trả lại').count()).toBe(1);
    const sentBack = processor.getByTestId('history-entry').filter({ hasText: 'Hoàn thành bước «Ký chứng thực»: Trả lại bước trước' });
    await sentBack.getByText(`Trả về bước: «Đối chiếu và chứng thực» – ${COMMUNE}`).waitFor();
    expect(await sentBack.innerText()).toContain(`Lý do: ${RETURN_REASON}`);
    await screenshot(processor, 'dossier-returned');
    await processor.context().close();
  }, 90_000);
});
