import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { expectOneTransmissionAndOneAck, killBetweenStoreAndArchive } from './intake-crash.js';

describe('a folder intake killed with SIGKILL between storing a file and archiving it', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('gives one transmission and one 997 when the file is taken again', async () => {
    const h = (harness = await startHarness());
    await writeFile(join(h.inbox, 'po-801.edi'), purchaseOrder850(801));
    await killBetweenStoreAndArchive(h, 'po-801.edi');
    await expectOneTransmissionAndOneAck(
      h,
      () => readdir(h.inbox),
      async () => (await h.outboxFiles()).map((file) => file.name).filter((name) => name.startsWith('997-')),
    );
  });
});
