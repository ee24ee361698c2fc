import { ChildProcess, spawn } from 'node:child_process';

/** The worker as its own process, from source, with this environment; resolves once it reports it started. */
export async function spawnWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    env: { ...env, TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker started')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  worker.stdout!.resume();
  return worker;
}
