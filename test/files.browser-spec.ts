import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { screenshot, signIn, useConsole } from './support/browser';
import { fileDossier, landDossier, todayInVietnam } from './support/dossiers';
import { eventually } from './support/worker';

const harness = useConsole();
const as = (username: string) => harness().api.login(username);

async function pdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage().drawText(text, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

/** The step of the dossier in the user's inbox, once the worker has opened it; claimed through the API. */
async function claimed(username: string, code: string, stepKey: string): Promise<string> {
  const token = await as(username);
  const task = await eventually(async () => {
    const items = (await harness().api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', token)).body.items as { id: string; stepKey: string }[];
    const found = items.find((item) => item.stepKey === stepKey);
    expect(found).toBeDefined();
    return found!;
  }, 20_000);
  expect((await harness().api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', token)).status).toBe(200);
  return task.id;
}

async function forward(username: string, taskId: string): Promise<void> {
  const response = await harness()
    .api.http()
    .post(`/api/tasks/${taskId}/complete`)
    .set('Authorization', await as(username))
    .send({ action: 'forward' });
  expect(response.status).toBe(200);
}

/** Opens the drawer of the officer's claimed step and its files. */
async function filesInDrawer(page: Page, code: string): Promise<Locator> {
  await page.goto('/xu-ly?viec=cua-toi');
  await page
    .getByRole('row', { name: new RegExp(`^${code} `) })
    .getByRole('button', { name: 'Xử lý' })
    .click();
  const drawer = page.getByRole('dialog', { name: `Xử lý hồ sơ ${code}` });
  await drawer.getByText('Tệp hồ sơ: giấy tờ số hóa, tài liệu xử lý, kết quả').click();
  return drawer;
}

/** The preview of a file, opened from a list of files. */
async function preview(page: Page, scope: Locator, name: string): Promise<Locator> {
  await scope.getByRole('button', { name: `Xem ${name}` }).click();
  const modal = page.getByRole('dialog', { name });
  await modal.locator('iframe').waitFor();
  return modal;
}

describe('a land transfer’s files, from the counter to the signed result', () => {
  it('is scanned at the counter, read by the land registry and the tax office, signed as the result, and its signature checked', async () => {
    const { code } = await fileDossier(harness().api, landDossier());

    // The counter scans the transfer contract.
    const counter = await harness().newPage();
    await signIn(counter, 'tiepnhan.vinhhai');
    await counter.goto(`/ho-so/${code}`);
    const filesCard = counter.locator('.ant-card').filter({ has: counter.getByText('Tệp hồ sơ', { exact: true }) });
    await filesCard.getByLabel('Giấy tờ').click();
    await counter.locator('.ant-select-item-option').filter({ hasText: 'Hợp đồng chuyển nhượng' }).click();
    await filesCard.locator('input[type=file]').setInputFiles({ name: 'hop-dong-chuyen-nhuong.pdf', mimeType: 'application/pdf', buffer: await pdf('Hop dong chuyen nhuong') });
    await filesCard.getByRole('button', { name: 'Tải lên' }).click();
    await counter.locator('.ant-message-notice').filter({ hasText: 'Đã tải lên hop-dong-chuyen-nhuong.pdf' }).waitFor();
    await filesCard.getByRole('row').filter({ hasText: 'hop-dong-chuyen-nhuong.pdf' }).waitFor();
    await screenshot(counter, 'files-counter');
    await counter.context().close();

    // The land registry opens it in its drawer.
    const survey = await claimed('xuly.vpdk.nhatrang', code, 'tham-dinh');
    const registry = await harness().newPage();
    await signIn(registry, 'xuly.vpdk.nhatrang');
    let drawer = await filesInDrawer(registry, code);
    await drawer.getByText('hop-dong-chuyen-nhuong.pdf').waitFor();
    const contract = await preview(registry, drawer, 'hop-dong-chuyen-nhuong.pdf');
    await screenshot(registry, 'files-preview');
    await registry.keyboard.press('Escape');
    await contract.waitFor({ state: 'hidden' });
    await forward('xuly.vpdk.nhatrang', survey);

    // So does the tax office.
    const tax = await claimed('xuly.thue.nhatrang', code, 'nghia-vu-tai-chinh');
    const taxOffice = await harness().newPage();
    await signIn(taxOffice, 'xuly.thue.nhatrang');
    drawer = await filesInDrawer(taxOffice, code);
    await drawer.getByText('hop-dong-chuyen-nhuong.pdf').waitFor();
    await taxOffice.context().close();
    await forward('xuly.thue.nhatrang', tax);

    // The land registry attaches the certificate as the result; the system signs it.
    const issue = await claimed('xuly.vpdk.nhatrang', code, 'cap-giay');
    drawer = await filesInDrawer(registry, code);
    await drawer.getByLabel('Loại tệp').click();
    await registry.locator('.ant-select-item-option').filter({ hasText: 'Kết quả giải quyết' }).click();
    await drawer.getByLabel('Số, ký hiệu').fill('125/GCN-VPĐK');
    await drawer.getByLabel('Ngày ký').click();
    await drawer.getByLabel('Ngày ký').fill(todayInVietnam().split('-').reverse().join('/'));
    await drawer.getByLabel('Ngày ký').press('Enter');
    await drawer.locator('input[type=file]').setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: await pdf('Giay chung nhan quyen su dung dat') });
    await drawer.getByRole('button', { name: 'Tải lên và ký số' }).click();
    await registry.locator('.ant-message-notice').filter({ hasText: 'Đã tải lên và ký số kết quả' }).waitFor();
    await drawer.getByText('Đã ký số').waitFor();
    await screenshot(registry, 'files-result');
    await registry.context().close();
    await forward('xuly.vpdk.nhatrang', issue);

    // The return desk sees the signed result beside the dossier before handing it over.
    const returnDesk = await harness().newPage();
    await signIn(returnDesk, 'tiepnhan.vinhhai');
    await returnDesk.goto('/tra-ket-qua');
    await returnDesk.getByRole('button', { name: `Trả kết quả hồ sơ ${code}` }).click();
    const handOver = returnDesk.getByRole('dialog', { name: `Trả kết quả hồ sơ ${code}` });
    await handOver.getByRole('row').filter({ hasText: 'giay-chung-nhan.pdf' }).filter({ hasText: 'Đã ký số' }).waitFor();
    await screenshot(returnDesk, 'files-return-desk');
    await returnDesk.context().close();

    // It is handed over; the dossier page shows the signed result, and its signature holds.
    await eventually(async () => {
      const response = await harness()
        .api.http()
        .post(`/api/dossiers/${code}/return`)
        .set('Authorization', await as('tiepnhan.vinhhai'))
        .send({ method: 'counter' });
      expect(response.status).toBe(200);
    }, 20_000);
    const desk = await harness().newPage();
    await signIn(desk, 'tiepnhan.vinhhai');
    await desk.goto(`/ho-so/${code}`);
    const files = desk.locator('.ant-card').filter({ has: desk.getByText('Tệp hồ sơ', { exact: true }) });
    const resultRow = files.getByRole('row').filter({ hasText: 'giay-chung-nhan.pdf' });
    expect(await resultRow.innerText()).toMatch(/Kết quả giải quyết · Số 125\/GCN-VPĐK[\s\S]*Đã ký số/);
    let result = await preview(desk, files, 'giay-chung-nhan.pdf');
    await result.getByRole('button', { name: 'Kiểm tra chữ ký số' }).click();
    await result.getByText('Chữ ký số hợp lệ: tài liệu không bị thay đổi sau khi ký').waitFor();
    expect(await result.getByRole('alert').innerText()).toContain('Người ký: Chi nhanh Van phong Dang ky dat dai thanh pho Nha Trang');
    await screenshot(desk, 'files-signature');
    await desk.keyboard.press('Escape');
    await result.waitFor({ state: 'hidden' });

    // One byte changed in storage, and the check says so.
    const [{ storage_key: key }] = await harness().api.env.query<{ storage_key: string }>(`SELECT storage_key FROM dossier_files WHERE kind = 'result' AND name = 'giay-chung-nhan.pdf'`);
    const path = join(harness().api.env.filesDir, key);
    const bytes = await readFile(path);
    const at = bytes.indexOf('/MediaBox');
    bytes[at + 1] = 'N'.charCodeAt(0);
    await writeFile(path, bytes);
    result = await preview(desk, files, 'giay-chung-nhan.pdf');
    await result.getByRole('button', { name: 'Kiểm tra chữ ký số' }).click();
    await result.getByText('Chữ ký số không hợp lệ').waitFor();
    await desk.keyboard.press('Escape');

    // The same applicant's next dossier reuses the scanned contract instead of scanning it again.
    const { code: next } = await fileDossier(harness().api, landDossier());
    await desk.goto(`/ho-so/${next}`);
    const nextFiles = desk.locator('.ant-card').filter({ has: desk.getByText('Tệp hồ sơ', { exact: true }) });
    await nextFiles.getByLabel('Dùng lại cho giấy tờ').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: 'Hợp đồng chuyển nhượng' }).last().click();
    await nextFiles.getByRole('button', { name: 'Dùng lại hop-dong-chuyen-nhuong.pdf' }).click();
    await desk.locator('.ant-message-notice').filter({ hasText: 'Đã dùng lại hop-dong-chuyen-nhuong.pdf' }).waitFor();
    // Listed among the dossier's files, tagged as reused.
    await nextFiles
      .locator('.ant-table-row')
      .filter({ hasText: 'hop-dong-chuyen-nhuong.pdf' })
      .filter({ has: desk.locator('.ant-tag', { hasText: 'Dùng lại' }) })
      .waitFor();
    await screenshot(desk, 'files-reuse');
    await desk.context().close();
  }, 120_000);
});
