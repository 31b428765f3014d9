import { createServer, type AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { PARTNER_ID, partnerYaml, REDIS_URL } from '../pipeline/pipeline-harness.js';

// The built command, as `npx edi-gateway` runs it; `npm test` builds dist/ first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/edi-gateway.js');

/** One `edi-gateway` child process and what it printed so far. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching, or fails when the process ends or time runs out. */
  line(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code once the process ends by itself. */
  exited(): Promise<number | null>;
}

/**
 * Starts `node bin/edi-gateway.js <args>` with the environment given on top of a clean one (no
 * DATABASE_URL or REDIS_URL inherited from the test's own process).
 *
 * @example
 * const gateway = spawnGateway(['serve'], { PORT: '0', DATA_DIR: dir });
 * const [, port] = await gateway.line(/listening on http:\/\/localhost:(\d+)/);
 */
export function spawnGateway(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string } = {},
): GatewayProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DATABASE_|REDIS_URL|QUEUE_PREFIX|PARTNERS_DIR|DATA_DIR|PORT$)/.test(key),
    ),
  );
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: { ...inherited, LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let ended = false;
  void exit.then(() => (ended = true));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async line(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout
          .split('\n')
          .map((l) => pattern.exec(l))
          .find((m) => m !== null);
        if (match) return match;
        if (ended || Date.now() > deadline) {
          throw new Error(`no line matching ${pattern} (stdout: ${stdout}; stderr: ${stderr})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return exit;
    },
    exited: () => exit,
  };
}

/** Temporary folders and a partner file for ACMERETAIL on the folder transport. */
export interface GatewayFolders {
  root: string;
  inbox: string;
  outbox: string;
  partnersDir: string;
  dataDir: string;
}

export async function makeGatewayFolders(): Promise<GatewayFolders> {
  const dir = await mkdtemp(join(tmpdir(), 'edi-gateway-process-'));
  const folders = {
    root: dir,
    inbox: join(dir, 'inbox'),
    outbox: join(dir, 'outbox'),
    partnersDir: join(dir, 'partners'),
    dataDir: join(dir, 'data'),
  };
  await Promise.all([folders.inbox, folders.outbox, folders.partnersDir].map((d) => mkdir(d)));
  await writeFile(
    join(folders.partnersDir, `${PARTNER_ID}.yaml`),
    partnerYaml(folders.inbox, folders.outbox),
  );
  return folders;
}

/** Names of the finished files in a folder. */
export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
}

export const randomQueuePrefix = (): string => `{edi-test-${randomBytes(6).toString('hex')}}`;

/** Removes every Redis key under a queue prefix. */
export async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

/** A TCP port free a moment ago: PORT must be 1-65535, so the child cannot be given 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
