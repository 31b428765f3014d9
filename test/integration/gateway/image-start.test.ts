import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  composeService,
  dockerStage,
  execForm,
  lastArgs,
  parseVolume,
  projectRoot,
  readCompose,
  readDockerfile,
  serviceEnvironment,
  stageEnvironment,
  type DockerStage,
} from '../../container-files.js';
import { REDIS_URL } from '../pipeline/pipeline-harness.js';
import {
  dropSchemaAndClose,
  openPostgresStore,
  randomSchemaName,
  TEST_DATABASE_URL,
} from '../store/postgres-test-schema.js';
import { freePort, randomQueuePrefix, removeQueueKeys } from './gateway-process.js';

// No container engine runs here, so this test does what the image does, outside a container: the
// runtime stage of the Dockerfile is replayed into a temporary folder standing for /app (each
// COPY, RUN and the mounts of compose.yaml), and the image's ENTRYPOINT + compose's command run
// there with the image's ENV and compose's environment. Only the addresses of PostgreSQL, Redis,
// the port and the queue prefix are this machine's. An instruction it cannot replay fails the test:
// teach it the new one rather than let the copy drift from the Dockerfile.
//
// `npm ci --omit=dev --ignore-scripts` is replayed as links to the project's node_modules, one per
// package that the copied package-lock.json installs without dev dependencies (the same set the
// real command installs). So an import of a dev dependency from dist/ fails here as in the image,
// without the network and the ~8 s of a real install. `npm test` builds dist/ first.

const compose = readCompose();
const runtime = dockerStage(readDockerfile(), 'runtime');
const buildWorkdir = lastArgs(dockerStage(readDockerfile(), 'build'), 'WORKDIR');
const workdir = lastArgs(runtime, 'WORKDIR');

/** The container's file system (its /app, and the folders the Dockerfile makes) in a temporary folder. */
let layout: string;
/** A path inside the container, as a path in the layout. */
const inLayout = (path: string) => (path.startsWith('/') ? join(layout, path) : join(layout, workdir, path));
/** Container paths inside a command line or a variable's value, made layout paths. */
const mapPaths = (value: string) =>
  value.startsWith(`${workdir}/`) || value === workdir ? inLayout(value) : value;

function replayCopy(args: string): void {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const rest = words.filter((w) => !w.startsWith('--'));
  const destination = rest.pop()!;
  for (const source of rest) {
    // `--from=build` copies what the build stage made in its WORKDIR: here, the project after `npm run build`.
    const relative = from === undefined ? source : posix.relative(buildWorkdir, source);
    if (from !== undefined && (from !== 'build' || relative.startsWith('..'))) {
      throw new Error(`cannot replay COPY ${args}`);
    }
    const origin = join(projectRoot, relative);
    const target = destination.endsWith('/')
      ? join(inLayout(destination), basename(source))
      : inLayout(destination);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(origin, target, { recursive: statSync(origin).isDirectory() });
  }
}

/** `npm ci --omit=dev`: a link per top-level package the lock file installs for production. */
function linkProductionPackages(): void {
  const lock = JSON.parse(readFileSync(inLayout('package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = path.slice('node_modules/'.length);
    if (!path.startsWith('node_modules/') || name.includes('node_modules/') || entry.dev === true) continue;
    // Optional packages for other platforms are not installed, here or in the image.
    if (!existsSync(join(projectRoot, path))) continue;
    mkdirSync(dirname(inLayout(path)), { recursive: true });
    symlinkSync(join(projectRoot, path), inLayout(path), 'dir');
  }
}

function replayRun(args: string): void {
  const [install = '', ...after] = args.split(' && ');
  if (
    /^npm ci --omit=dev --ignore-scripts( |$)/.test(install) &&
    after.every((command) => command === 'npm cache clean --force')
  ) {
    linkProductionPackages();
    return;
  }
  // The chown gives the data folder to the image's user; this test runs as whoever runs it.
  const folders = /^mkdir -p ((?:\/\S+ ?)+) && chown \S+ \S+$/.exec(args);
  if (folders !== null) {
    for (const folder of folders[1]!.trim().split(' ')) mkdirSync(inLayout(folder), { recursive: true });
    return;
  }
  throw new Error(`cannot replay RUN ${args}`);
}

const KNOWN = new Set([
  'FROM',
  'ARG',
  'ENV',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'VOLUME',
  'HEALTHCHECK',
  'ENTRYPOINT',
  'CMD',
]);

function replayStage(stage: DockerStage): void {
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'COPY') replayCopy(args);
    else if (keyword === 'RUN') replayRun(args);
    else if (!KNOWN.has(keyword)) throw new Error(`cannot replay ${keyword} ${args}`);
  }
}

/**
 * compose's mounts: a bind mount (`./folder`) as a link that hides what the image had there; a
 * named volume starts as the image's folder and is shared by the services (and the tests) after.
 */
function mountVolumes(service: string): void {
  for (const { source, target } of (composeService(compose, service).volumes ?? []).map(parseVolume)) {
    const at = inLayout(target);
    if (source.startsWith('./')) {
      rmSync(at, { recursive: true, force: true });
      symlinkSync(join(projectRoot, source), at, 'dir');
    } else {
      mkdirSync(at, { recursive: true });
    }
  }
}

/** The container's environment: the image's ENV, then compose's, then this machine's servers. */
function containerEnvironment(service: string, servers: Record<string, string>): Record<string, string> {
  const environment = {
    ...stageEnvironment(runtime),
    ...serviceEnvironment(composeService(compose, service), { POSTGRES_PASSWORD: 'unused' }),
  };
  const mapped = Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, mapPaths(v)]));
  return { ...mapped, ...servers };
}

/** The container's command line: ENTRYPOINT + the service's command (else CMD), `node` being this one. */
function containerCommand(service: string): string[] {
  const command = composeService(compose, service).command ?? execForm(lastArgs(runtime, 'CMD'));
  const [program, ...args] = [...execForm(lastArgs(runtime, 'ENTRYPOINT')), ...command];
  expect(program).toBe('node');
  return args.map(mapPaths);
}

/** Docker's --timeout=5s as milliseconds. */
const healthcheckOption = (name: string) => {
  const value = new RegExp(`--${name}=(\\d+)s`).exec(lastArgs(runtime, 'HEALTHCHECK'))?.[1];
  if (value === undefined) throw new Error(`HEALTHCHECK has no --${name}`);
  return Number(value) * 1000;
};

/** Runs the HEALTHCHECK command as Docker would: in the container, killed after its --timeout. */
function healthcheck(environment: Record<string, string>): Promise<{ code: number | null; ms: number }> {
  const [program, ...args] = execForm(lastArgs(runtime, 'HEALTHCHECK').replace(/^.*?\bCMD\s+/, ''));
  expect(program).toBe('node');
  const started = Date.now();
  const child = spawn(process.execPath, args.map(mapPaths), {
    cwd: inLayout(workdir),
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: 'ignore',
    timeout: healthcheckOption('timeout'),
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, ms: Date.now() - started }));
  });
}

/** The container's main process and what it printed. */
interface Container {
  stdout(): string;
  /** Resolves with the first stdout line matching; fails when the process ends or time runs out. */
  line(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal, resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts the service's command in the layout with the container's environment and nothing else. */
function startContainer(service: string, environment: Record<string, string>): Container {
  const child: ChildProcess = spawn(process.execPath, containerCommand(service), {
    cwd: inLayout(workdir),
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let ended = false;
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  void exit.then(() => (ended = true));
  return {
    stdout: () => stdout,
    async line(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.split('\n').some((l) => pattern.test(l))) {
        if (ended || Date.now() > deadline) {
          throw new Error(`no line matching ${pattern} (stdout: ${stdout}; stderr: ${stderr})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal) {
      if (!ended) child.kill(signal);
      return exit;
    },
  };
}

async function healthyWithin(environment: Record<string, string>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await healthcheck(environment)).code === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

beforeAll(() => {
  layout = mkdtempSync(join(tmpdir(), 'edi-gateway-image-'));
  replayStage(runtime);
}, 30_000);

afterAll(() => {
  rmSync(layout, { recursive: true, force: true });
});

describe('the image started as compose starts it (no container engine)', () => {
  let gateway: Container | undefined;
  let schema: string | undefined;
  let prefix: string | undefined;
  afterEach(async () => {
    await gateway?.stop('SIGKILL');
    if (schema !== undefined) await dropSchemaAndClose(await openPostgresStore(schema));
    if (prefix !== undefined) await removeQueueKeys(prefix);
    gateway = schema = prefix = undefined;
  });

  /** This machine's PostgreSQL (a schema of its own), Redis (a prefix of its own) and a free port. */
  async function servers(): Promise<Record<string, string>> {
    schema = randomSchemaName('image');
    prefix = randomQueuePrefix();
    return {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(await freePort()),
    };
  }

  it(
    'serve: the healthcheck fails while nothing listens and passes once /readyz is 200; SIGTERM stops it cleanly in seconds',
    { timeout: 120_000 },
    async () => {
      mountVolumes('gateway');
      const environment = containerEnvironment('gateway', await servers());
      expect((await healthcheck(environment)).code).not.toBe(0);

      gateway = startContainer('gateway', environment);
      // Docker's start period: the check may fail while the gateway starts, not after.
      expect(await healthyWithin(environment, healthcheckOption('start-period'))).toBe(true);
      const readyz = await fetch(`http://127.0.0.1:${environment['PORT']}/readyz`);
      expect(readyz.status).toBe(200);
      const partnerFiles = readdirSync(join(projectRoot, 'partners')).filter((f) => f.endsWith('.yaml'));
      expect(gateway.stdout()).toContain(
        `partners: ${partnerFiles.length} from ${environment['PARTNERS_DIR']}\n`,
      );
      await gateway.line(/^schedulers: /);

      const stopping = Date.now();
      expect(await gateway.stop('SIGTERM')).toBe(0);
      // compose's stop_grace_period is 30 s; an idle gateway needs a fraction of it.
      expect(Date.now() - stopping).toBeLessThan(10_000);
      expect(gateway.stdout().split('\n').slice(-6)).toEqual([
        'edi-gateway stopping (SIGTERM)',
        'schedulers stopped',
        'http stopped',
        'workers stopped',
        'store closed',
        '',
      ]);
      expect((await healthcheck(environment)).code).not.toBe(0);
    },
  );

  it(
    'worker: starts with the worker service environment and stops cleanly on SIGTERM',
    { timeout: 90_000 },
    async () => {
      mountVolumes('worker');
      const environment = containerEnvironment('worker', await servers());
      gateway = startContainer('worker', environment);
      await gateway.line(/^workers: inbound, documents, outbound on /, 60_000);

      const stopping = Date.now();
      expect(await gateway.stop('SIGTERM')).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(10_000);
      expect(gateway.stdout().split('\n').slice(-4)).toEqual([
        'edi-gateway worker stopping (SIGTERM)',
        'workers stopped',
        'store closed',
        '',
      ]);
    },
  );
});

describe('the healthcheck script', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const stopping = server;
    server = undefined;
    if (stopping === undefined) return;
    stopping.closeAllConnections();
    await new Promise((resolve) => stopping.close(resolve));
  });

  /** A stand-in for the gateway on a loopback port: answers with `status`, or never when null. */
  async function standIn(status: number | null): Promise<Record<string, string>> {
    server = createServer((request, response) => {
      if (status !== null) response.writeHead(request.url === '/readyz' ? status : 404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { ...stageEnvironment(runtime), HOST: '127.0.0.1', PORT: String(port) };
  }

  it('exits 0 on a 200 from /readyz', async () => {
    expect((await healthcheck(await standIn(200))).code).toBe(0);
  });

  it('exits non-zero on a 503 (database or Redis down)', async () => {
    expect((await healthcheck(await standIn(503))).code).toBe(1);
  });

  it('exits non-zero on its own when /readyz does not answer, before Docker would kill it', async () => {
    const run = await healthcheck(await standIn(null));
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(healthcheckOption('timeout'));
  });
});
