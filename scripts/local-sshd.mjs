// A real OpenSSH server on a loopback port, for the demo, the SFTP benchmark and the tests: its own
// configuration, host key and authorized keys in a temporary folder, and a dedicated login user.
// It needs root (sshd checks passwords against /etc/shadow and drops privileges per session) and
// Debian's openssh-server (`apt-get install openssh-server`).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const SSHD = '/usr/sbin/sshd';

/**
 * Why a local sshd cannot be started here, or undefined when it can.
 *
 * @returns {string | undefined}
 */
export function sshdUnavailable() {
  if (!existsSync(SSHD)) return 'OpenSSH server is not installed (apt-get install openssh-server)';
  if (process.getuid?.() !== 0) return 'starting sshd with password logins needs root';
  return undefined;
}

/**
 * Creates the login user when it does not exist and sets its password.
 *
 * @param {string} user
 * @param {string} password
 */
export function ensureLoginUser(user, password) {
  try {
    execFileSync('id', ['-u', user], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--create-home', '--shell', '/bin/sh', user], { stdio: 'ignore' });
  }
  execFileSync('chpasswd', { input: `${user}:${password}\n` });
}

/**
 * The uid and gid of a user, for chown of the folders it works in.
 *
 * @param {string} user
 * @returns {{ uid: number, gid: number }}
 */
export function idsOf(user) {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * The `SHA256:...` fingerprint of a public key file, as `ssh-keygen -lf` prints it.
 *
 * @param {string} publicKeyFile
 */
export function fingerprintOf(publicKeyFile) {
  const line = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile], { encoding: 'utf8' });
  const match = /SHA256:[A-Za-z0-9+/]{43}/.exec(line);
  if (match === null) throw new Error(`no SHA256 fingerprint in: ${line}`);
  return match[0];
}

/**
 * Generates an ed25519 key pair in `dir` (without passphrase unless one is given) and answers
 * the private key file and the public key line.
 *
 * @param {string} dir
 * @param {string} name
 * @param {string} [passphrase]
 */
export async function generateKey(dir, name, passphrase = '') {
  const file = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', file]);
  return { privateKeyFile: file, publicKey: (await readFile(`${file}.pub`, 'utf8')).trim() };
}

/**
 * The processes whose parent is `pid`.
 *
 * @param {number} pid
 * @returns {number[]}
 */
export function childrenOf(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} LocalSshd
 * @property {number} port
 * @property {string} host always 127.0.0.1
 * @property {string} user
 * @property {string} hostKeyFingerprint `SHA256:...` of the server's host key
 * @property {string} dir the folder holding its configuration
 * @property {() => number[]} sessionPids the per-connection sshd processes now running
 * @property {() => void} killSessions kills every session's processes with SIGKILL (a dropped connection)
 * @property {() => Promise<void>} stop stops the server and removes its folder
 */

/**
 * Starts `sshd -D` on a free loopback port with a fresh host key. `authorizedKeys` are public key
 * lines accepted for `user` besides its password. Resolves once the port accepts connections.
 *
 * @param {{ user: string, authorizedKeys?: string[], hostKeyFile?: string, maxSessions?: number }} options
 * @returns {Promise<LocalSshd>}
 *
 * @example
 * ensureLoginUser('edisftp', 'secret');
 * const sshd = await startLocalSshd({ user: 'edisftp' });
 * await sshd.stop();
 */
export async function startLocalSshd(options) {
  const reason = sshdUnavailable();
  if (reason !== undefined) throw new Error(`cannot start a local sshd: ${reason}`);
  const dir = await mkdtemp(join(tmpdir(), 'edi-sshd-'));
  // sshd reads the authorized keys as the user logging in: the folder must let it through.
  await chmod(dir, 0o711);
  // sshd refuses to start without its privilege separation folder.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  let hostKey = options.hostKeyFile;
  if (hostKey === undefined) hostKey = (await generateKey(dir, 'host_ed25519')).privateKeyFile;
  const authorizedKeys = join(dir, 'authorized_keys');
  await writeFile(authorizedKeys, `${(options.authorizedKeys ?? []).join('\n')}\n`);
  await chmod(authorizedKeys, 0o644);
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `AuthorizedKeysFile ${authorizedKeys}`,
      // The key file sits in a temporary folder that is not the user's own.
      'StrictModes no',
      `AllowUsers ${options.user}`,
      'PermitRootLogin no',
      'Subsystem sftp internal-sftp',
      `MaxSessions ${options.maxSessions ?? 20}`,
      'MaxStartups 100:30:200',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const hostKeyFingerprint = fingerprintOf(`${hostKey}.pub`);
  const server = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  await waitForPort(port, exited, () => stderr);

  // Each connection is a child of the listening sshd, with a child of its own after login.
  const sessionPids = () => {
    const all = [];
    for (let next = childrenOf(server.pid); next.length > 0; next = next.flatMap(childrenOf))
      all.push(...next);
    return all;
  };
  return {
    port,
    host: '127.0.0.1',
    user: options.user,
    hostKeyFingerprint,
    dir,
    sessionPids,
    killSessions() {
      for (const pid of sessionPids()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    },
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port, exited, stderr) {
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (ended) throw new Error(`sshd exited at start: ${stderr()}`);
    const open = await new Promise((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await delay(50);
  }
  throw new Error(`sshd did not listen on port ${port} within 10 s: ${stderr()}`);
}
