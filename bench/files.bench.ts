// Dossier files through the built API, with each storage driver: 50 concurrent uploads of a 5 MB PDF,
// then 200 concurrent downloads of them, beside the same bytes written raw to the same disk (and PUT
// raw to the same S3 server) in the same run, with the stack stopped; the API's peak memory.
// Run: npm run bench:files   (BENCH_UPLOADS=, BENCH_DOWNLOADS= to change the counts, BENCH_DRIVERS=s3 for one driver)
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { peakResidentMb, startS3Server, S3Server } from '@motcua/testing';
import { cpuMeter, cpuPerOperation, loadAverage, startStack } from './stack';
import { benchEnvironment, table } from './support';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 50);
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 200);
const FILE_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/** A 5 MB file that is a PDF by its first bytes (the rest is noise, as a scan's image data is). */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)]);

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'MotCua@2025' }) });
  return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
}

async function timed<T>(count: number, work: (i: number) => Promise<T>): Promise<{ seconds: number; results: PromiseSettledResult<T>[] }> {
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => work(i)));
  return { seconds: (performance.now() - started) / 1000, results };
}

async function scenario(driver: 'local' | 's3'): Promise<(string | number)[][]> {
  const bench = await benchEnvironment(`files_${driver}`);
  const directory = await mkdtemp(join(tmpdir(), 'motcua-bench-files-'));
  let s3: S3Server | undefined;
  const rows: (string | number)[][] = [];
  try {
    if (driver === 's3') s3 = await startS3Server();
    // The baseline: the same bytes, raw, to the same place, nothing else running.
    const raw = await timed(UPLOADS, async (i) => {
      if (!s3) return writeFile(join(directory, `raw-${i}`), PDF);
      const client = new S3Client({ endpoint: s3.env.S3_ENDPOINT, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      await client.send(new PutObjectCommand({ Bucket: s3.env.S3_BUCKET, Key: `raw/${i}`, Body: PDF }));
    });
    rows.push([
      `${driver}: raw ${s3 ? 'PUT' : 'write'}, ${UPLOADS} × 5 MB at once`,
      ((UPLOADS * FILE_BYTES) / MB / raw.seconds).toFixed(0),
      raw.results.filter((result) => result.status === 'fulfilled').length,
      '',
      '',
    ]);

    const stack = await startStack({ ...bench.env, NODE_ENV: 'development', FILE_STORAGE_DIR: join(directory, 'api'), ...(s3?.env ?? {}) });
    try {
      const counter = await login(stack.base, 'tiepnhan.vinhhai');
      const filing = await fetch(`${stack.base}/dossiers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: counter },
        body: JSON.stringify({
          procedureCode: '1.004227',
          channel: 'counter',
          applicant: {
            kind: 'person',
            fullName: 'Nguyễn Thị Hồng Thủy',
            idNumber: '056185001234',
            dateOfBirth: '1985-04-12',
            phone: '0905123456',
            address: { line: '12 Trần Phú', communeCode: '22330' },
          },
          documents: ['don-dang-ky', 'hop-dong', 'giay-chung-nhan', 'to-khai-thue'].map((key) => ({ key, originals: 1, copies: 0 })),
        }),
      });
      const { code } = (await filing.json()) as { code: string };
      const meter = await cpuMeter(new URL(bench.databaseUrl).pathname.slice(1), bench.databaseUrl, { api: stack.api.pid!, worker: stack.worker.pid! });
      const uploads = await timed(UPLOADS, async (i) => {
        const form = new FormData();
        form.set('kind', 'paper');
        form.set('documentKey', 'hop-dong');
        form.set('file', new Blob([PDF], { type: 'application/pdf' }), `trang-${i}.pdf`);
        const response = await fetch(`${stack.base}/dossiers/${code}/files`, { method: 'POST', headers: { Authorization: counter }, body: form });
        if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
        return ((await response.json()) as { id: string }).id;
      });
      const uploadCpu = await meter();
      const ids = uploads.results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      rows.push([
        `${driver}: API upload, ${UPLOADS} × 5 MB at once`,
        ((ids.length * FILE_BYTES) / MB / uploads.seconds).toFixed(0),
        ids.length,
        cpuPerOperation([{ cpu: uploadCpu, operations: ids.length }]),
        Math.round(peakResidentMb(stack.api.pid!)),
      ]);

      const downloadMeter = await cpuMeter(new URL(bench.databaseUrl).pathname.slice(1), bench.databaseUrl, { api: stack.api.pid!, worker: stack.worker.pid! });
      const downloads = await timed(DOWNLOADS, async (i) => {
        const response = await fetch(`${stack.base}/dossiers/${code}/files/${ids[i % ids.length]}`, { headers: { Authorization: counter } });
        if (response.status !== 200) throw new Error(`download answered ${response.status}`);
        return (await response.arrayBuffer()).byteLength;
      });
      const downloadCpu = await downloadMeter();
      const fetched = downloads.results.flatMap((result) => (result.status === 'fulfilled' && result.value === FILE_BYTES ? [result.value] : []));
      rows.push([
        `${driver}: API download, ${DOWNLOADS} at once`,
        ((fetched.length * FILE_BYTES) / MB / downloads.seconds).toFixed(0),
        fetched.length,
        cpuPerOperation([{ cpu: downloadCpu, operations: fetched.length }]),
        Math.round(peakResidentMb(stack.api.pid!)),
      ]);
    } finally {
      await stack.stop();
    }
  } finally {
    await s3?.close();
    await rm(directory, { recursive: true, force: true });
    await bench.dispose();
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`load average before: ${loadAverage()}`);
  const rows: (string | number)[][] = [['scenario', 'MB/s', 'succeeded', 'CPU ms per file', 'API peak RSS MB so far']];
  const drivers = (process.env.BENCH_DRIVERS ?? 'local,s3').split(',') as ('local' | 's3')[];
  for (const driver of drivers) rows.push(...(await scenario(driver)));
  console.log(table(rows));
  console.log(`load average after: ${loadAverage()}; target: API peak RSS under 300 MB`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
