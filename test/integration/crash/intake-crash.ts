import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { pollInboxOnce } from '../../../src/pipeline/index.js';
import { REDIS_URL, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { TEST_DATABASE_URL } from '../store/postgres-test-schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./intake-child.ts', import.meta.url));

/**
 * Runs intake in another process until it has stored `name` and not yet moved it out of the
 * partner's inbox, and kills that process there with SIGKILL. Resolves once it is dead.
 */
export async function killBetweenStoreAndArchive(
  h: Harness,
  name: string,
  env: Record<string, string> = {},
): Promise<void> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: h.schema,
      REDIS_URL,
      QUEUE_PREFIX: h.prefix,
      PARTNERS_DIR: h.partnersDir,
      PARTNER_ID: h.partner.id,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    process_.once('exit', (_code, signal) => resolve(signal)),
  );
  process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes(`stored ${name}\n`)) resolve();
    });
    void exited.then((signal) =>
      reject(new Error(`intake exited (${signal}) before storing ${name}: ${output}`)),
    );
  });
  process_.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/**
 * After {@link killBetweenStoreAndArchive}: the next intake takes the same file again, stores
 * nothing new and moves it out of the inbox; the partner gets one 997. `listInbox` and `acks`
 * look at the partner's side.
 */
export async function expectOneTransmissionAndOneAck(
  h: Harness,
  listInbox: () => Promise<string[]>,
  acks: () => Promise<string[]>,
): Promise<void> {
  await waitFor(
    'the 997 of the stored file',
    async () => ((await acks()).length > 0 ? true : undefined),
    20_000,
  );
  const deps = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
  const transport = h.transports.forPartner(h.partner);
  const again = await waitFor('the file taken again', async () => {
    const pass = await pollInboxOnce(transport, h.partner, deps);
    return pass.alreadyStored.length > 0 || pass.stored.length > 0 ? pass : undefined;
  });
  expect(again.stored).toEqual([]);
  expect(again.alreadyStored).toHaveLength(1);
  expect(await listInbox()).toEqual([]);
  expect(await h.count('inbound')).toBe(1);
  // Time for a second 997 to appear, were one on its way.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await acks()).toHaveLength(1);
  expect(await h.count('outbound')).toBe(1);
  const inbound = (await h.repositories.transmissions.list({ partnerId: h.partner.id })).filter(
    (t) => t.direction === 'inbound',
  );
  expect(inbound.map((t) => t.status)).toEqual(['processed']);
}
