import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Resolves once the child prints `line` on stdout; rejects if it exits first. */
function started(child: ChildProcess, line: string): Promise<ChildProcess> {
  let output = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(line)) {
        output = '';
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited early (${code})`)));
  });
}

/** The worker as its own process, from source, with this environment; resolves once it reports it started. */
export async function spawnWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    env: { ...env, TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await started(worker, 'Worker started');
  worker.stdout!.resume();
  return worker;
}

/**
 * The built API or worker (`npm run build`), started as `npm run start:api` / `start:worker` start it;
 * resolves once it is listening (the API) or has started (the worker).
 */
export async function spawnBuiltProcess(app: 'api' | 'worker', env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const main = `dist/apps/${app}/src/main.js`;
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, ['--max-old-space-size=256', main], { env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await started(child, app === 'api' ? 'API listening' : 'Worker started');
  child.stdout!.resume();
  return child;
}

/** A TCP port nobody listens on right now, for a spawned API. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** The highest resident memory a process has had, in MB (`VmHWM` in /proc). */
export function peakResidentMb(pid: number): number {
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes) / 1024;
}
