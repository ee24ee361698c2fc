import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { WorkflowEngine } from '@motcua/workflow';
import { screenshot, useConsole } from './support/browser';
import { fileDossier, landDossier, todayInVietnam } from './support/dossiers';
import { resolveLandDossier } from './support/steps';

const harness = useConsole();

interface Receipt {
  code: string;
  verifier: string;
  dueText: string;
}

/** The counter at Phường Vĩnh Hải takes in a land transfer; the receipt carries the code, the verifier and the appointment. */
const receive = (): Promise<Receipt> => fileDossier(harness().api, landDossier());

/**
 * Keeps the worker from starting the processing of new dossiers until the returned function is
 * called: the citizen looks the dossier up while it is still just received.
 */
function holdProcessing(): () => void {
  const engine = harness().worker.get(WorkflowEngine);
  const start = engine.start.bind(engine);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = jest.spyOn(engine, 'start').mockImplementation(async (event) => {
    await released;
    return start(event);
  });
  return () => {
    held.mockRestore();
    release();
  };
}

/** The land registry appraises, the tax office assesses, the registry issues; the counter hands the result over. */
async function resolveAndReturn(code: string): Promise<void> {
  await resolveLandDossier(harness().api, code);
  const returned = await harness()
    .api.http()
    .post(`/api/dossiers/${code}/return`)
    .set('Authorization', await harness().api.login('tiepnhan.vinhhai'))
    .send({ method: 'counter' });
  expect(returned.body.status).toBe('RETURNED');
}

/** Nothing sticks out sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('the citizen status page', () => {
  it('a citizen lookup from a receipt code', async () => {
    const release = holdProcessing();
    try {
      const receipt = await receive();
      const page = await harness().newPage({ phone: true });
      // What the receipt's QR code opens: the code is filled in, the verifier is typed from the paper.
      await page.goto(`/tra-cuu?ma=${encodeURIComponent(receipt.code)}`);
      await page.getByRole('heading', { name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
      expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(receipt.code);

      await page.getByLabel('Số xác thực (in trên giấy hẹn)').fill(receipt.verifier === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('Không tìm thấy hồ sơ với mã và số xác thực này.');
      await screenshot(page, 'citizen-not-found');

      await page.getByLabel('Số xác thực (in trên giấy hẹn)').fill(receipt.verifier);
      await screenshot(page, 'citizen-form');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      const details = page.getByRole('region', { name: 'Thông tin hồ sơ' });
      await details.getByText('Đã tiếp nhận', { exact: true }).waitFor();
      const shown = await details.innerText();
      expect(shown).toContain(receipt.dueText);
      expect(shown).toContain('Đăng ký biến động quyền sử dụng đất');
      expect(shown).toContain('Tiếp nhận hồ sơ');
      // The citizen sees what the API shows them, and nothing personal.
      expect(shown).not.toContain('Nguyễn Thị Hồng Thủy');
      expect(shown).not.toContain('056185001234');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(0);
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'citizen-status');
      await page.context().close();
    } finally {
      release();
    }
  }, 60_000);

  it('asks for a rating once the result has been returned, and thanks the citizen', async () => {
    const receipt = await receive();
    await resolveAndReturn(receipt.code);

    // A link with both the code and the verifier looks the dossier up at once.
    const page = await harness().newPage({ phone: true });
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(receipt.code)}&v=${receipt.verifier}`);
    const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await rating.waitFor();
    await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' }).innerText()).resolves.toMatch(/Tình trạng\s+Đã trả kết quả/);
    expect(new URL(page.url()).searchParams.get('v')).toBeNull();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Vui lòng chọn mức độ hài lòng').waitFor();

    await rating.getByRole('radio', { name: /^Rất hài lòng/ }).click();
    await rating.getByText('Rất hài lòng', { exact: true }).waitFor();
    await rating.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'citizen-rating');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await screenshot(page, 'citizen-rated');

    // The five stars reached the satisfaction report.
    const day = todayInVietnam();
    const satisfaction = await harness()
      .api.http()
      .get('/api/reports/satisfaction')
      .query({ from: day, to: day, groupBy: 'procedure' })
      .set('Authorization', await harness().api.login('giamsat.tinh'));
    expect(satisfaction.body).toEqual([expect.objectContaining({ key: '1.004227', ratings: 1, average: 5, satisfied: 1 })]);

    // Looked up again, the dossier shows the rating given instead of the form: one rating per dossier.
    await page.reload();
    await page.getByLabel('Số xác thực (in trên giấy hẹn)').fill(receipt.verifier);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const given = page.getByRole('region', { name: 'Đánh giá của ông/bà' });
    await expect(given.innerText()).resolves.toMatch(/Rất hài lòng[\s\S]*Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn\./);
    await expect(page.getByRole('button', { name: 'Gửi đánh giá' }).count()).resolves.toBe(0);
    await screenshot(page, 'citizen-rating-given');
    await page.context().close();
  }, 60_000);
});
