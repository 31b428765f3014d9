import { chmod, chown, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { binaryPayload, expectTransportError, sleep } from '../../contracts/transport-contract.js';
import { generateKey } from '../../../scripts/local-sshd.mjs';
import {
  type SftpTransport,
  type SftpTransportOptions,
  type SftpTransportSettings,
  createSftpTransport,
  isTransportError,
} from '../../../src/transports/index.js';
import { type SftpFixture, createSftpFixture } from './sftp-fixture.js';
import { type SshdHarness, startSshd } from './sshd-harness.js';

let sshd: SshdHarness;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

/** The rejection of `promise`, failing the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection, but it succeeded'),
    (rejection: unknown) => rejection,
  );
  if (!isTransportError(error)) throw error;
  return { code: error.code, message: error.message };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(5);
  }
}

/** Every sshd connection process seen while `work` runs, sampled every few milliseconds. */
async function connectionsSeenDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seen: Set<number>; most: number }> {
  const seen = new Set<number>();
  // A connection closed by the test before may take a moment to end under load: not this work's.
  const earlier = new Set(sshd.connectionPids());
  let most = 0;
  const sample = () => {
    const pids = sshd.connectionPids().filter((pid) => !earlier.has(pid));
    for (const pid of pids) seen.add(pid);
    most = Math.max(most, pids.length);
  };
  const sampler = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, seen, most };
  } finally {
    clearInterval(sampler);
  }
}

describe('SFTP transport: sessions and failures against OpenSSH', () => {
  const fixtures: SftpFixture[] = [];
  const transports: SftpTransport[] = [];
  const fixture = async (options: SftpTransportOptions = {}) => {
    const created = await createSftpFixture(sshd, { settleMs: 0, ...options });
    fixtures.push(created);
    return created;
  };
  const transportFor = (
    sftp: SftpFixture,
    settings: Partial<SftpTransportSettings>,
    options: SftpTransportOptions = {},
  ) => {
    const transport = createSftpTransport({ ...sftp.settings, ...settings }, { settleMs: 0, ...options });
    transports.push(transport);
    return transport;
  };
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((transport) => transport.close()));
    await Promise.all(fixtures.splice(0).map((created) => created.dispose()));
  });

  it('polls, takes and acknowledges many files over one SSH session', async () => {
    const sftp = await fixture();
    const names = Array.from({ length: 8 }, (_, index) => `PO-${100 + index}.x12`);
    for (const name of names) await writeFile(join(sftp.inbox, name), binaryPayload(500, name.length));
    const { result: taken, seen } = await connectionsSeenDuring(async () => {
      const files = await sftp.transport.poll();
      for (const file of files) {
        await sftp.transport.take(file);
        await sftp.transport.acknowledgeTaken(file);
      }
      return files.map((file) => file.name);
    });
    expect(taken).toEqual(names);
    expect(await readdir(sftp.inbox)).toEqual([]);
    expect(sftp.transport.connectionsOpened).toBe(1);
    expect(seen.size).toBe(1);
  });

  it('opens at most maxConnections sessions for parallel work', async () => {
    const sftp = await fixture({ maxConnections: 2 });
    for (let index = 0; index < 6; index += 1) {
      await writeFile(join(sftp.inbox, `PO-${200 + index}.x12`), binaryPayload(2_000_000, index));
    }
    const files = await sftp.transport.poll();
    const { result, most } = await connectionsSeenDuring(() =>
      Promise.all(files.map((file) => sftp.transport.take(file))),
    );
    expect(result.map((bytes) => bytes.byteLength)).toEqual(files.map(() => 2_000_000));
    expect(sftp.transport.connectionsOpened).toBe(2);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('closes an idle session after idleCloseMs and opens a new one when needed', async () => {
    const sftp = await fixture({ idleCloseMs: 300 });
    await sftp.transport.poll();
    expect(sshd.connectionPids()).toHaveLength(1);
    await until(() => sshd.connectionPids().length === 0, 'the idle session to end');
    await sftp.transport.poll();
    expect(sftp.transport.connectionsOpened).toBe(2);
  });

  it('ends its sessions on close and refuses calls afterwards', async () => {
    const sftp = await fixture();
    await sftp.transport.poll();
    expect(sshd.connectionPids()).toHaveLength(1);
    await sftp.transport.close();
    await until(() => sshd.connectionPids().length === 0, 'the session to end after close');
    await expectTransportError(sftp.transport.poll(), 'transport-closed', true);
  });

  it('fails a download cut off by a dropped connection, and the next take gets the whole file', async () => {
    const sftp = await fixture();
    const bytes = binaryPayload(64 * 1024 * 1024, 11);
    const path = join(sftp.inbox, 'PO-BIG.x12');
    await writeFile(path, bytes);
    const [file] = await sftp.transport.poll();
    const taking = sftp.transport.take(file!);
    await until(() => sshd.isOpenInSession(path), 'the download to start');
    await sleep(50);
    sshd.killSessions();
    const error = await rejectionOf(taking);
    expect(error.code).toBe('transport-unavailable');
    expect(error.message).toContain(path);
    // Not withheld: the take failed, so the file is offered again.
    expect((await sftp.transport.poll()).map((offered) => offered.name)).toEqual(['PO-BIG.x12']);
    expect(Buffer.from(await sftp.transport.take(file!)).equals(bytes)).toBe(true);
    expect(sftp.transport.connectionsOpened).toBe(2);
  });

  it('fails an upload cut off by a dropped connection, and a retry delivers exactly one whole file', async () => {
    const sftp = await fixture();
    const bytes = binaryPayload(24 * 1024 * 1024, 12);
    const temporary = join(sftp.outbox, 'INV-BIG.x12.part');
    const delivering = sftp.transport.deliver('INV-BIG.x12', bytes);
    await until(
      async () => ((await stat(temporary).catch(() => undefined))?.size ?? 0) > 0,
      'the upload to start',
    );
    sshd.killSessions();
    expect((await rejectionOf(delivering)).code).toBe('transport-unavailable');
    expect(await readdir(sftp.outbox)).not.toContain('INV-BIG.x12');
    const receipt = await sftp.transport.deliver('INV-BIG.x12', bytes);
    expect(receipt.name).toBe('INV-BIG.x12');
    expect(await readdir(sftp.outbox)).toEqual(['INV-BIG.x12']);
    expect((await readFile(join(sftp.outbox, 'INV-BIG.x12'))).equals(bytes)).toBe(true);
  });

  it('refuses a server whose host key is not the pinned one, naming both fingerprints', async () => {
    const sftp = await fixture();
    const impostor = await sshd.startWithNewHostKey();
    try {
      const transport = transportFor(sftp, { port: impostor.port }, { label: 'partner bigbox-retail' });
      const error = await rejectionOf(transport.poll());
      expect(error.code).toBe('transport-refused');
      expect(error.message).toContain(`partner bigbox-retail (SFTP edisftp@127.0.0.1:${impostor.port})`);
      expect(error.message).toContain('host key changed or is not the pinned one');
      expect(error.message).toContain(`expected ${sshd.hostKeyFingerprint}`);
      expect(error.message).toContain(`presented ${impostor.hostKeyFingerprint}`);
      expect(impostor.hostKeyFingerprint).not.toBe(sshd.hostKeyFingerprint);
    } finally {
      await impostor.stop();
    }
  });

  it('refuses a wrong password as an authentication problem', async () => {
    const sftp = await fixture();
    const transport = transportFor(sftp, { password: 'not-the-password' }, { label: 'partner acme' });
    const error = await rejectionOf(transport.poll());
    expect(error.code).toBe('transport-refused');
    expect(error.message).toMatch(/^partner acme \(SFTP edisftp@127\.0\.0\.1:\d+\): listing inbox /);
    expect(error.message).toContain(
      'authentication as edisftp was refused; check username and password/private key',
    );
  });

  it('logs in with a private key, with or without a passphrase', async () => {
    const sftp = await fixture();
    const keys = await mkdtemp(join(tmpdir(), 'edi-sftp-keys-'));
    try {
      const plain = await generateKey(keys, 'client');
      const locked = await generateKey(keys, 'client-locked', 'open sesame');
      await sshd.authorizeKey(plain.publicKey);
      await sshd.authorizeKey(locked.publicKey);
      await writeFile(join(sftp.inbox, 'PO-KEY.x12'), binaryPayload(10));
      const withKey = async (file: string, passphrase?: string) =>
        transportFor(sftp, {
          password: undefined,
          privateKey: await readFile(file, 'utf8'),
          ...(passphrase === undefined ? {} : { passphrase }),
        });
      expect((await (await withKey(plain.privateKeyFile)).poll()).map((file) => file.name)).toEqual([
        'PO-KEY.x12',
      ]);
      const unlocked = await withKey(locked.privateKeyFile, 'open sesame');
      expect((await unlocked.poll()).map((file) => file.name)).toEqual(['PO-KEY.x12']);
      const wrong = await rejectionOf((await withKey(locked.privateKeyFile, 'wrong')).poll());
      expect(wrong.code).toBe('transport-refused');
      expect(wrong.message).toContain('check privateKey and passphrase');
    } finally {
      await rm(keys, { recursive: true, force: true });
    }
  });

  it('refuses an inbox and an outbox it may not use, naming the folder', async () => {
    const sftp = await fixture();
    await chmod(sftp.inbox, 0o000);
    const listing = await rejectionOf(sftp.transport.poll());
    expect(listing.code).toBe('transport-refused');
    expect(listing.message).toContain(`permission denied on inbox ${sftp.inbox}`);
    await chown(sftp.outbox, 0, 0);
    const delivery = await rejectionOf(sftp.transport.deliver('INV-5.x12', binaryPayload(5)));
    expect(delivery.code).toBe('transport-refused');
    expect(delivery.message).toContain(`permission denied on outbox ${sftp.outbox}`);
    expect(await readdir(sftp.outbox)).toEqual([]);
  });

  it('reports a closed port as unavailable', async () => {
    const sftp = await fixture();
    const port = await closedPort();
    const error = await rejectionOf(transportFor(sftp, { port }).poll());
    expect(error.code).toBe('transport-unavailable');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('gives up on a server that stops answering, and reconnects afterwards', async () => {
    const sftp = await fixture({ operationTimeoutMs: 500 });
    await writeFile(join(sftp.inbox, 'PO-50.x12'), binaryPayload(10));
    await sftp.transport.poll();
    const thaw = sshd.freeze('sessions');
    try {
      const error = await rejectionOf(sftp.transport.poll());
      expect(error.code).toBe('transport-unavailable');
      expect(error.message).toContain(`listing inbox ${sftp.inbox}: no answer within 0.5 s`);
    } finally {
      thaw();
    }
    expect((await sftp.transport.poll()).map((file) => file.name)).toEqual(['PO-50.x12']);
    expect(sftp.transport.connectionsOpened).toBe(2);
  });

  it('gives up connecting to a server that accepts but never greets', async () => {
    const sftp = await fixture();
    const transport = transportFor(sftp, {}, { connectTimeoutMs: 500 });
    const thaw = sshd.freeze('listener');
    try {
      const error = await rejectionOf(transport.poll());
      expect(error.code).toBe('transport-unavailable');
      expect(error.message).toContain('no SSH session with 127.0.0.1');
    } finally {
      thaw();
    }
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
