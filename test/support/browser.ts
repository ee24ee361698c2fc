import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@motcua/domain';
import { startApi, type TestApi } from './api';
import { startWorker } from './worker';

/** Debian's Chromium, which .ci/run installs; nothing is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The tests leave a picture of every page they visit here, for a reviewer to look at. */
export const SCREENSHOTS = resolve('test/screenshots');

export interface ConsoleHarness {
  api: TestApi;
  worker: INestApplicationContext;
  browser: Browser;
  /** Where the API, and the console it serves, listen. */
  baseUrl: string;
  /** A fresh browser context (its own session storage), at a desktop's or a phone's size. */
  newPage(options?: { phone?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The built console served by the real API on a port of its own, the worker beside it, and Chromium. */
export async function startConsole(): Promise<ConsoleHarness> {
  const webRoot = resolve(process.env.WEB_ROOT ?? 'dist/web');
  if (!existsSync(resolve(webRoot, 'index.html'))) throw new Error(`The web console is not built in ${webRoot}: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const worker = await startWorker();
  // Without the background-networking flags Chromium keeps dialling Google, which this machine's closed network refuses.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    api,
    worker,
    browser,
    baseUrl,
    async newPage({ phone = false } = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
        isMobile: phone,
        hasTouch: phone,
        acceptDownloads: true,
      });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await worker.close();
      await api.close();
    },
  };
}

/**
 * Starts the console before a spec file's tests and closes it after them; call it at the file's top.
 * Returns the way to the harness, which exists once the tests run.
 */
export function useConsole(): () => ConsoleHarness {
  let harness: ConsoleHarness | undefined;
  beforeAll(async () => {
    harness = await startConsole();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('The console is not started yet: use the harness inside hooks and tests');
    return harness;
  };
}

/** Signs a demo user in through the login page, as they would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** Saves what the page shows as test/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}
