#!/usr/bin/env node
// `npm run bench:sftp`: how fast the SFTP transport pulls and pushes many small files, against a
// real OpenSSH server started on a loopback port (needs root and openssh-server), beside the
// folder transport on the same files in one run, so the ratio means something on a noisy machine.
//
// Pull: N files wait in the partner's remote outbox; the transport polls, takes each, and archives
// it, as the gateway's intake does (storing is left out: it is the same for every transport).
// Push: N files are delivered under a temporary name, checked and renamed into place.
// Options: --files N (default 1000), --size BYTES (default 1500, a one-order 850).
import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createFolderTransport, createSftpTransport } from '../dist/transports/index.js';
import { ensureLoginUser, idsOf, sshdUnavailable, startLocalSshd } from '../scripts/local-sshd.mjs';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, size: { type: 'string', default: '1500' } },
});
const FILES = Number(values.files);
const SIZE = Number(values.size);
const USER = 'edibench';
const PASSWORD = 'bench-password-1';

const unavailable = sshdUnavailable();
if (unavailable !== undefined) {
  console.error(`bench:sftp cannot run: ${unavailable}`);
  process.exit(2);
}

const payload = (i) => Buffer.alloc(SIZE, `ISA*${String(i).padStart(9, '0')}~`);

async function folders(root, owner) {
  const made = {};
  for (const name of ['inbox', 'outbox', 'archive']) {
    made[name] = join(root, name);
    await mkdir(made[name], { recursive: true });
    if (owner) await chown(made[name], owner.uid, owner.gid);
  }
  if (owner) await chown(root, owner.uid, owner.gid);
  return made;
}

async function fill(inbox, owner) {
  for (let i = 0; i < FILES; i++) {
    const path = join(inbox, `PO-${String(i).padStart(5, '0')}.x12`);
    await writeFile(path, payload(i));
    if (owner) await chown(path, owner.uid, owner.gid);
  }
}

/** Polls until every file has been taken and archived; answers the seconds it took. */
async function pull(transport) {
  const started = performance.now();
  let moved = 0;
  while (moved < FILES) {
    for (const file of await transport.poll()) {
      await transport.take(file);
      await transport.acknowledgeTaken(file);
      moved += 1;
    }
  }
  return { moved, seconds: (performance.now() - started) / 1000 };
}

async function push(transport) {
  const started = performance.now();
  for (let i = 0; i < FILES; i++)
    await transport.deliver(`855-${String(i).padStart(9, '0')}.x12`, payload(i));
  return { moved: FILES, seconds: (performance.now() - started) / 1000 };
}

async function measure(label, transport, root, owner) {
  const f = await folders(root, owner);
  await fill(f.inbox, owner);
  const pulled = await pull(transport);
  const pushed = await push(transport);
  const delivered = (await readdir(f.outbox)).filter((name) => !name.endsWith('.part')).length;
  if (delivered !== FILES) throw new Error(`${label}: ${delivered} of ${FILES} files delivered`);
  if ((await readdir(f.inbox)).length !== 0) throw new Error(`${label}: files left in the inbox`);
  await transport.close();
  return { label, pulled, pushed };
}

const line = ({ label, pulled, pushed }) =>
  `${label.padEnd(7)} pull ${pulled.moved} files in ${pulled.seconds.toFixed(2)} s (${(pulled.moved / pulled.seconds).toFixed(0)} files/s)` +
  `   push ${pushed.moved} files in ${pushed.seconds.toFixed(2)} s (${(pushed.moved / pushed.seconds).toFixed(0)} files/s)`;

ensureLoginUser(USER, PASSWORD);
const owner = idsOf(USER);
const sshd = await startLocalSshd({ user: USER });
const root = await mkdtemp(join(tmpdir(), 'edi-bench-sftp-'));
await chown(root, owner.uid, owner.gid);
try {
  const sftpRoot = join(root, 'sftp');
  const sftp = createSftpTransport(
    {
      host: sshd.host,
      port: sshd.port,
      username: USER,
      password: PASSWORD,
      hostKey: sshd.hostKeyFingerprint,
      inbox: join(sftpRoot, 'inbox'),
      outbox: join(sftpRoot, 'outbox'),
      archive: join(sftpRoot, 'archive'),
      completion: 'rename',
    },
    { label: 'bench' },
  );
  const folderRoot = join(root, 'folder');
  const folder = createFolderTransport(
    {
      inbox: join(folderRoot, 'inbox'),
      outbox: join(folderRoot, 'outbox'),
      archive: join(folderRoot, 'archive'),
    },
    { settleMs: 0 },
  );
  console.log(`${FILES} files of ${SIZE} bytes each way, OpenSSH on 127.0.0.1:${sshd.port}`);
  const folderRun = await measure('folder', folder, folderRoot);
  const sftpRun = await measure('sftp', sftp, sftpRoot, owner);
  console.log(line(folderRun));
  console.log(line(sftpRun));
  const ratio = (a, b) => (a.seconds / b.seconds).toFixed(1);
  console.log(
    `sftp/folder time: pull ${ratio(sftpRun.pulled, folderRun.pulled)}x, push ${ratio(sftpRun.pushed, folderRun.pushed)}x; ` +
      `SSH sessions opened by the SFTP transport: ${sftp.connectionsOpened}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
  await sshd.stop();
}
