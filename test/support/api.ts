import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'superagent';
import request from 'supertest';
import { DEMO_PASSWORD } from '@motcua/domain';
import { createTestEnvironment, exportAppEnvironment, TestEnvironment } from '@motcua/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface TestApi {
  app: NestExpressApplication;
  env: TestEnvironment;
  http: () => ReturnType<typeof request>;
  /** Logs a demo user in and returns the Authorization header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Makes supertest keep a binary body (a PDF, an XLSX) as a Buffer. */
export function asBuffer(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The real API, booted in-process on this file's own database (a clone of the seeded template). */
export async function startApi(environment: Record<string, string> | ((env: TestEnvironment) => Promise<Record<string, string>>) = {}): Promise<TestApi> {
  const env = await createTestEnvironment();
  exportAppEnvironment(typeof environment === 'function' ? await environment(env) : environment);
  const app = await createApiApp();
  await app.init();
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    env,
    http,
    async login(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const response = await http().post('/api/auth/login').send({ username, password });
      if (response.status !== 200) throw new Error(`Login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const header = `Bearer ${response.body.accessToken}`;
      tokens.set(username, header);
      return header;
    },
    async close() {
      await app.close();
      await env.dispose();
    },
  };
}
