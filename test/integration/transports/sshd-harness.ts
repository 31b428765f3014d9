import { appendFile, chmod, readFile, readlink, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type LocalSshd,
  childrenOf,
  ensureLoginUser,
  idsOf,
  sshdUnavailable,
  startLocalSshd,
} from '../../../scripts/local-sshd.mjs';
import { hostKeyFingerprint } from '../../../src/transports/index.js';

/** The login the SFTP tests use; a normal user, because sftp as root ignores file permissions. */
export const SFTP_USER = 'edisftp';
// The same password as the other suites that log in as this user, so that suites running side by
// side do not change it under each other.
export const SFTP_PASSWORD = 'edisftp-test-password';

/** A real OpenSSH server on a loopback port, with what the tests need to disturb it. */
export interface SshdHarness {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `SHA256:...` of its host key, as `ssh-keygen -lf` prints it. */
  readonly hostKeyFingerprint: string;
  readonly uid: number;
  readonly gid: number;
  /** Accepts this public key line for the test user from now on. */
  authorizeKey(publicKey: string): Promise<void>;
  /** The sshd processes serving one connection each (children of the listening one). */
  connectionPids(): number[];
  /** Whether a process of some session has `path` open, i.e. a transfer of it is running. */
  isOpenInSession(path: string): Promise<boolean>;
  /** SIGKILLs every session's processes: what a dropped connection looks like to the client. */
  killSessions(): void;
  /** SIGSTOPs the listening sshd (new connections hang) or every session (requests hang). */
  freeze(what: 'listener' | 'sessions'): () => void;
  /** A second server with a new host key, as a partner's server after a key change (or an impostor). */
  startWithNewHostKey(): Promise<SshdHarness>;
  stop(): Promise<void>;
}

/**
 * Starts `/usr/sbin/sshd -D -e -f <own config>` on a free 127.0.0.1 port with a fresh ed25519 host
 * key (see `scripts/local-sshd.mjs`), and the test user with its password. Needs root, which the
 * test environment has; anything else fails loudly rather than skipping the suite.
 *
 * @example
 * const sshd = await startSshd();
 * afterAll(() => sshd.stop());
 */
export async function startSshd(): Promise<SshdHarness> {
  const unavailable = sshdUnavailable();
  if (unavailable !== undefined) {
    throw new Error(
      `the SFTP tests start a real OpenSSH server and cannot run here: ${unavailable} (run them as root with openssh-server installed)`,
    );
  }
  await withRetries(() => ensureLoginUser(SFTP_USER, SFTP_PASSWORD));
  const { uid, gid } = idsOf(SFTP_USER);
  return harnessOf(await startLocalSshd({ user: SFTP_USER }), uid, gid);
}

async function harnessOf(sshd: LocalSshd, uid: number, gid: number): Promise<SshdHarness> {
  await expectSameFingerprint(sshd);
  // sshd reads authorized_keys as the user logging in, who must be able to pass through the
  // server's folder (mkdtemp makes it 0700); the host key inside stays readable by root only.
  await chmod(sshd.dir, 0o711);
  const listenerPid = Number((await readFile(join(sshd.dir, 'sshd.pid'), 'utf8')).trim());
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // Gone already.
      }
    }
  };
  return {
    host: '127.0.0.1',
    port: sshd.port,
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    uid,
    gid,
    authorizeKey: (publicKey) => appendFile(join(sshd.dir, 'authorized_keys'), `${publicKey}\n`),
    connectionPids: () => childrenOf(listenerPid),
    async isOpenInSession(path) {
      for (const pid of sshd.sessionPids()) {
        const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
        for (const fd of fds) {
          if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === path) return true;
        }
      }
      return false;
    },
    killSessions: () => sshd.killSessions(),
    freeze(what) {
      const pids = what === 'listener' ? [listenerPid] : sshd.sessionPids();
      signal(pids, 'SIGSTOP');
      return () => signal(pids, 'SIGCONT');
    },
    startWithNewHostKey: async () => harnessOf(await startLocalSshd({ user: SFTP_USER }), uid, gid),
    stop: () => sshd.stop(),
  };
}

// The transport pins what ssh-keygen prints; its own fingerprint of the same key must agree.
async function expectSameFingerprint(sshd: LocalSshd): Promise<void> {
  const line = await readFile(join(sshd.dir, 'host_ed25519.pub'), 'utf8');
  const blob = Buffer.from(line.split(' ')[1] ?? '', 'base64');
  const ours = hostKeyFingerprint(blob);
  if (ours !== sshd.hostKeyFingerprint) {
    await sshd.stop();
    throw new Error(`hostKeyFingerprint gives ${ours}, ssh-keygen -lf prints ${sshd.hostKeyFingerprint}`);
  }
}

// useradd and chpasswd lock /etc/passwd and /etc/shadow; suites starting together can collide there.
async function withRetries(work: () => void): Promise<void> {
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
