import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/edi-gateway.js', import.meta.url));

/** An `edi-gateway worker` process. */
export interface WorkerChild {
  readonly process: ChildProcess;
  /** Settles once the workers run (the `workers:` line); rejects when the process exits first. */
  readonly ready: Promise<void>;
  /** How the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote on stderr, for the failure message of a test. */
  stderr(): string;
}

/**
 * Starts `edi-gateway worker` from the build (`npm test` builds dist/ first), configured only by
 * `env` as the gateway's own processes are (DATABASE_URL, DATABASE_SCHEMA, REDIS_URL,
 * QUEUE_PREFIX, PARTNERS_DIR, QUEUE_LOCK_MS...): nothing is inherited from the test's process.
 *
 * @example
 * const worker = spawnWorker({ DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, QUEUE_PREFIX, PARTNERS_DIR });
 * await worker.ready;
 * worker.process.kill('SIGKILL');
 */
export function spawnWorker(env: Record<string, string>): WorkerChild {
  const child = spawn(process.execPath, [bin, 'worker'], {
    cwd: root,
    // Warnings and errors only: a line per job at `info` costs the worker time the test measures.
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/^workers: /m.test(stdout)) resolve();
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`worker exited (${signal ?? code}) before it was ready: ${stdout}${stderr}`)),
    );
  });
  return { process: child, ready, exited, stderr: () => stderr };
}
