import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

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
