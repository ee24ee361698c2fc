/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from outside, checked field by field */
import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { startApi, TestApi } from './support/api';
import { landDossier } from './support/dossiers';
import { USER_PER_ROLE } from './support/roles';
import { eventually, startWorker } from './support/worker';

/**
 * Hostile input at every operation of the committed OpenAPI document, as a user allowed to call it:
 * wrong types, huge strings, deep JSON, unicode edge cases, invalid dates, SQL and script fragments,
 * in the path, the query and every body field. No answer may be a 5xx; every error is JSON with a
 * code; and since every request is malformed, nothing may be written.
 */
type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; required?: string[] };
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  roles?: string[];
  query: string[];
  body?: Schema;
}

const spec = JSON.parse(readFileSync('openapi.json', 'utf8'));
const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop()!]) : schema);
const OPERATIONS: Operation[] = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
  Object.entries(operations).map(([method, operation]) => ({
    method: method as Operation['method'],
    path,
    isPublic: !operation.security,
    roles: /^Roles: (.+)$/.exec(operation.responses['403']?.description ?? '')?.[1].split(', '),
    query: (operation.parameters ?? []).filter((parameter: { in: string }) => parameter.in === 'query').map((parameter: { name: string }) => parameter.name),
    body: resolve(operation.requestBody?.content?.['application/json']?.schema),
  })),
);

const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) });
/** Strings that break naive code: quoting, markup, paths, NUL and other controls, lone surrogates, RTL, combining marks, huge. */
const HOSTILE_STRINGS = [
  "' OR '1'='1' --",
  "'; DROP TABLE dossiers; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  '\u202egnp.exe',
  'e\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦'.repeat(50),
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  'x'.repeat(100_000),
];
const INVALID_DATES = ['2025-02-30', '2025-13-01', '0000-00-00', '99999-01-01', '2025-01-01T25:61:00Z', 'yesterday'];
const WRONG_TYPES: unknown[] = [123, -1, 1e308, 0.5, true, null, {}, [], [[[]]], { $gt: '' }, deep(10)];
const WHOLE_BODIES: unknown[] = [[], 'just a string', 42, null, { __proto__: { isAdmin: true } }, { constructor: { prototype: { isAdmin: true } } }, deep(40)];

/** Malformed variants of one operation's request: path, query and body. */
function* variants(operation: Operation): Generator<{ params: string; query: Record<string, string>; body?: unknown }> {
  const base = operation.path.replace(/\{(\w+)\}/g, 'x');
  for (const hostile of [...HOSTILE_STRINGS.slice(0, -1), 'x'.repeat(5000), ...INVALID_DATES]) {
    // One path parameter at a time, and every query parameter at once.
    if (operation.path.includes('{'))
      yield { params: operation.path.replace(/\{(\w+)\}/, encodeURIComponent(hostile.replace(/[\ud800-\udfff]/g, '\ufffd'))).replace(/\{(\w+)\}/g, 'x'), query: {}, body: { __fuzz: true } };
    if (operation.query.length > 0) yield { params: base, query: Object.fromEntries(operation.query.map((name) => [name, hostile])), body: { __fuzz: true } };
  }
  for (const wrong of WRONG_TYPES) {
    if (operation.query.length > 0) yield { params: base, query: Object.fromEntries(operation.query.map((name) => [name, JSON.stringify(wrong)])), body: { __fuzz: true } };
  }
  if (operation.method === 'get') return;
  for (const body of WHOLE_BODIES) yield { params: base, query: {}, body };
  for (const field of Object.keys(operation.body?.properties ?? {})) {
    for (const value of [...WRONG_TYPES, ...HOSTILE_STRINGS, ...INVALID_DATES]) {
      // An unknown field beside it makes the body invalid whatever the value, so nothing may be written.
      yield { params: base, query: {}, body: { [field]: value, __fuzz: value } };
    }
  }
}

describe('fuzzing every operation of openapi.json', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  const counts = () =>
    api.env.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM dossier_history)::int AS history, (SELECT count(*) FROM tasks)::int AS tasks,
         (SELECT count(*) FROM procedures)::int AS procedures, (SELECT count(*) FROM workflow_versions)::int AS workflows, (SELECT count(*) FROM agencies)::int AS agencies,
         (SELECT count(*) FROM calendar_overrides)::int AS overrides, (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM dossier_ratings)::int AS ratings,
         (SELECT max(updated_at) FROM dossiers) AS dossiers_updated, (SELECT max(updated_at) FROM procedures) AS procedures_updated, (SELECT max(updated_at) FROM agencies) AS agencies_updated`,
    );

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    // Something to aim at: a dossier in Phường Vĩnh Hải, with its first task (the worker is done with it).
    await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send(landDossier());
    await eventually(async () => expect(await api.env.query(`SELECT id FROM tasks`)).toHaveLength(1));
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('answers thousands of malformed requests with JSON 4xx errors and writes nothing', async () => {
    const before = await counts();
    const failures: string[] = [];
    let sent = 0;
    for (const operation of OPERATIONS) {
      const role = operation.roles?.[0] ?? 'ADMIN';
      const token = operation.isPublic ? undefined : await api.login(USER_PER_ROLE[role]);
      for (const variant of variants(operation)) {
        let request = api.http()[operation.method](variant.params).query(variant.query);
        if (token) request = request.set('Authorization', token);
        const response = await (variant.body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(variant.body)));
        sent++;
        const isJsonError = response.status >= 400 && typeof response.body?.code === 'string' && typeof response.body?.message === 'string';
        if (response.status >= 500 || (response.status >= 400 && !isJsonError)) {
          failures.push(
            `${operation.method.toUpperCase()} ${variant.params} ${JSON.stringify(variant.query).slice(0, 80)} ${JSON.stringify(variant.body)?.slice(0, 80)} → ${response.status} ${response.text.slice(0, 120)}`,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  }, 300_000);
});
