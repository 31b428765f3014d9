import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollInboxOnce } from '../../../src/pipeline/index.js';
import { startHarness, type Harness } from './pipeline-harness.js';
import { purchaseOrder850 } from './sample-850.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ workers: 'none' });
});

afterAll(async () => {
  await h.dispose();
});

describe('a poll pass when the process stops', () => {
  it('takes no further file once stopping, leaving them in the inbox for the next poll', async () => {
    const names = ['po-1.edi', 'po-2.edi', 'po-3.edi'];
    await Promise.all(names.map((name, i) => writeFile(join(h.inbox, name), purchaseOrder850(700 + i))));
    const transport = h.transports.forPartner(h.partner);
    const deps = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
    const stopped = new AbortController();
    stopped.abort();
    const whileStopping = await pollInboxOnce(transport, h.partner, deps, stopped.signal);
    expect(whileStopping).toEqual({ stored: [], alreadyStored: [] });
    expect((await readdir(h.inbox)).sort()).toEqual(names);
    expect(await h.count('inbound')).toBe(0);

    const stored: string[] = [];
    for (let pass = 0; pass < 3 && stored.length < 3; pass++)
      stored.push(...(await pollInboxOnce(transport, h.partner, deps)).stored);
    expect(stored).toHaveLength(3);
    expect(await readdir(h.inbox)).toEqual([]);
  });
});
