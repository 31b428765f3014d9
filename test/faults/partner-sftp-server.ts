import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  SSHD,
  childrenOf,
  ensureLoginUser,
  fingerprintOf,
  generateKey,
  idsOf,
  sshdUnavailable,
} from '../../scripts/local-sshd.mjs';
import { freePort } from '../integration/gateway/gateway-process.js';
import { SFTP_PASSWORD, SFTP_USER } from '../integration/transports/sshd-harness.js';
import type { InboundFile, PartnerCopy, PartnerSftp } from './fault-world.js';

/** A partner's OpenSSH server that a scenario can kill and start again as it was. */
export interface PartnerSftpServer extends PartnerSftp {
  readonly port: number;
  /** Files still waiting in the remote inbox (finished names). */
  waiting(): Promise<number>;
  /** Finished files in the remote outbox. */
  delivered(): Promise<number>;
  /** Whether some connection is logged in (a session process runs under the listener). */
  connected(): boolean;
  /**
   * SIGKILLs the listening sshd and every session process under it; answers how many died and
   * the remote files the sessions had open at that moment (transfers cut off).
   */
  kill(): Promise<{ processes: number; open: string[] }>;
  /** Starts sshd again on the same port with the same host key. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Why the scenario cannot start sshd here (not root, not installed), or undefined. */
export const sftpServerUnavailable = (): string | undefined => sshdUnavailable();

/**
 * Starts `/usr/sbin/sshd -D` on a free loopback port with a fresh host key, for the test login
 * user, whose home gets a folder of this run holding `inbox` (the partner's files for us) and
 * `outbox` (ours for them); the partner file names them relative to that home.
 *
 * @example
 * const server = await startPartnerSftpServer();
 * const world = await prepareWorld(30, { sftp: server });
 */
export async function startPartnerSftpServer(): Promise<PartnerSftpServer> {
  const reason = sshdUnavailable();
  if (reason !== undefined) throw new Error(`cannot start the partner's sshd: ${reason}`);
  await retried(() => ensureLoginUser(SFTP_USER, SFTP_PASSWORD));
  const { uid, gid } = idsOf(SFTP_USER);
  const home = execFileSync('getent', ['passwd', SFTP_USER], { encoding: 'utf8' }).split(':')[5]?.trim();
  if (home === undefined || home === '') throw new Error(`${SFTP_USER} has no home folder`);
  const folder = `edi-faults-${randomBytes(6).toString('hex')}`;
  const root = join(home, folder);
  const [inbox, outbox] = [join(root, 'inbox'), join(root, 'outbox')];
  for (const dir of [home, root, inbox, outbox]) {
    await mkdir(dir, { recursive: true });
    await chown(dir, uid, gid);
  }
  const dir = await mkdtemp(join(tmpdir(), 'edi-faults-sshd-'));
  await chmod(dir, 0o711);
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = (await generateKey(dir, 'host_ed25519')).privateKeyFile;
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(config, sshdConfig(port, hostKey, dir));
  let server = await listen(config, port);

  const finished = async (path: string) =>
    (await readdir(path)).filter((name) => !name.startsWith('.') && !name.endsWith('.part'));
  return {
    host: '127.0.0.1',
    port,
    hostKey: fingerprintOf(`${hostKey}.pub`),
    username: SFTP_USER,
    password: SFTP_PASSWORD,
    inbox: `${folder}/inbox`,
    outbox: `${folder}/outbox`,
    drop: async (files) => {
      // As a partner uploading with a temporary name, so that `completion: rename` sees whole files.
      await Promise.all(files.map((file) => dropOne(inbox, file, uid, gid)));
    },
    copy: () => outboxCopy(outbox),
    waiting: async () => (await finished(inbox)).length,
    delivered: async () => (await finished(outbox)).length,
    connected: () => sessionsOf(server.pid ?? 0).length > 0,
    kill: async () => {
      const pid = server.pid ?? 0;
      // Gathered first: once the listener is gone its sessions belong to init.
      const sessions = sessionsOf(pid);
      const open = await openFiles(sessions, root);
      let killed = 0;
      for (const target of [pid, ...sessions]) {
        try {
          process.kill(target, 'SIGKILL');
          killed += 1;
        } catch {
          // Gone already.
        }
      }
      return { processes: killed, open };
    },
    restart: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => server.once('exit', resolve));
      }
      server = await listen(config, port);
    },
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    },
  };
}

function sessionsOf(listener: number): number[] {
  const sessions: number[] = [];
  for (let next = childrenOf(listener); next.length > 0; next = next.flatMap(childrenOf)) {
    sessions.push(...next);
  }
  return sessions;
}

/** Files under `root` that the processes have open, as `inbox/po-0001.x12`. */
async function openFiles(pids: readonly number[], root: string): Promise<string[]> {
  const open = new Set<string>();
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const path = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      if (path.startsWith(`${root}/`)) open.add(path.slice(root.length + 1));
    }
  }
  return [...open].sort();
}

async function dropOne(inbox: string, file: InboundFile, uid: number, gid: number): Promise<void> {
  const part = join(inbox, `${file.name}.part`);
  await writeFile(part, file.content);
  await chown(part, uid, gid);
  await rename(part, join(inbox, file.name));
}

/** The outbox as the partner sees it: finished names are deliveries, our temporary names are not. */
async function outboxCopy(outbox: string): Promise<PartnerCopy> {
  const names = (await readdir(outbox)).sort();
  const leftovers = names.filter((name) => name.endsWith('.part'));
  const finished = names.filter((name) => !name.startsWith('.') && !name.endsWith('.part'));
  const files = await Promise.all(
    finished.map(async (name) => ({ name, content: await readFile(join(outbox, name), 'utf8') })),
  );
  const notes =
    leftovers.length === 0
      ? []
      : [`${leftovers.length} temporary upload(s) left in the outbox: ${leftovers.join(', ')}`];
  return { files, conflicts: 0, notes };
}

function sshdConfig(port: number, hostKey: string, dir: string): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM no',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication no',
    `AllowUsers ${SFTP_USER}`,
    'PermitRootLogin no',
    'Subsystem sftp internal-sftp',
    'MaxSessions 20',
    'MaxStartups 100:30:200',
    'LogLevel ERROR',
    '',
  ].join('\n');
}

/** Spawns sshd and resolves once the port takes connections; a start that fails says why. */
async function listen(config: string, port: number): Promise<ChildProcess> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const server = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    while (server.exitCode === null && server.signalCode === null && Date.now() < deadline) {
      if (await accepts(port)) return server;
      await delay(50);
    }
    // The port may still be held for a moment after a kill: try again until the deadline.
    if (Date.now() >= deadline) {
      server.kill('SIGKILL');
      throw new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s: ${stderr}`);
    }
    await delay(100);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

// useradd and chpasswd lock /etc/passwd and /etc/shadow; suites starting together can collide there.
async function retried(work: () => void): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      work();
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await delay(200 * attempt);
    }
  }
}
