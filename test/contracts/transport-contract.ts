import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type InboundFile,
  type Transport,
  isInProgressName,
  isTransportError,
} from '../../src/transports/index.js';

/** The storage behind a transport, seen from the trading partner's side. */
export interface PartnerSide {
  writeInbox(name: string, bytes: Uint8Array): Promise<void>;
  appendInbox(name: string, bytes: Uint8Array): Promise<void>;
  listInbox(): Promise<string[]>;
  /** Makes the inbox unreachable, as a dropped mount or a deleted remote folder would. */
  removeInbox(): Promise<void>;
  listOutbox(): Promise<string[]>;
  readOutbox(name: string): Promise<Uint8Array>;
  /** Every archived file, by its file name (without any dated folder). */
  listArchive(): Promise<{ name: string; bytes: Uint8Array }[]>;
}

/** A fresh transport (with an archive) over fresh, empty storage, for one test. */
export interface TransportFixture {
  readonly transport: Transport;
  readonly partner: PartnerSide;
  /** The settle time the transport was built with; keep it small. */
  readonly settleMs: number;
  dispose(): Promise<void>;
}

/** Every byte value, NULs and CR/LF included, so that no text decoding can slip through. */
export function binaryPayload(size: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length: size }, (_, index) => (index * 31 + seed) % 256);
}

/** Polls every `settleMs / 4` until `name` is offered, or fails after a generous deadline. */
export async function pollUntilOffered(fixture: TransportFixture, name: string): Promise<InboundFile> {
  const deadline = Date.now() + fixture.settleMs * 20 + 2_000;
  while (Date.now() < deadline) {
    const offered = (await fixture.transport.poll()).find((file) => file.name === name);
    if (offered) return offered;
    await sleep(fixture.settleMs / 4);
  }
  throw new Error(`${name} was never offered`);
}

export async function expectTransportError(
  promise: Promise<unknown>,
  code: string,
  permanent: boolean,
): Promise<void> {
  const error: unknown = await promise.then(
    () => new Error(`expected a ${code} error, but it succeeded`),
    (rejection: unknown) => rejection,
  );
  expect(isTransportError(error) ? { code: error.code, permanent: error.permanent } : error).toEqual({
    code,
    permanent,
  });
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The behaviour every `Transport` adapter must show. Call it from the adapter's integration test.
 *
 * @example
 * transportContract('folder', async () => createFolderFixture({ settleMs: 80 }));
 */
export function transportContract(adapter: string, createFixture: () => Promise<TransportFixture>): void {
  describe(`Transport contract: ${adapter}`, () => {
    let fixture: TransportFixture;
    let transport: Transport;
    let partner: PartnerSide;

    beforeEach(async () => {
      fixture = await createFixture();
      ({ transport, partner } = fixture);
    });
    afterEach(async () => {
      await fixture.transport.close();
      await fixture.dispose();
    });

    it('offers a complete file and takes it with its exact bytes, NULs included', async () => {
      const bytes = binaryPayload(70_000);
      await partner.writeInbox('PO-1001.x12', bytes);
      const file = await pollUntilOffered(fixture, 'PO-1001.x12');
      expect(file.size).toBe(bytes.byteLength);
      expect(await transport.take(file)).toEqual(bytes);
    });

    it('does not offer a file while it is still growing, then offers all of it', async () => {
      const chunk = binaryPayload(4_096, 7);
      await partner.writeInbox('PO-GROWING.x12', chunk);
      const stopAt = Date.now() + fixture.settleMs * 3;
      let appended = 1;
      while (Date.now() < stopAt) {
        expect((await transport.poll()).map((file) => file.name)).not.toContain('PO-GROWING.x12');
        await sleep(fixture.settleMs / 3);
        await partner.appendInbox('PO-GROWING.x12', chunk);
        appended += 1;
      }
      const file = await pollUntilOffered(fixture, 'PO-GROWING.x12');
      expect(file.size).toBe(chunk.byteLength * appended);
      expect((await transport.take(file)).byteLength).toBe(chunk.byteLength * appended);
    });

    it('never offers in-progress or hidden names', async () => {
      const ignored = ['.PO-1.x12', 'PO-2.x12.part', 'PO-3.x12.tmp', 'PO-4.X12.PART', '.PO-5.x12.part'];
      for (const name of ignored) await partner.writeInbox(name, binaryPayload(10));
      await partner.writeInbox('PO-6.x12', binaryPayload(10));
      await pollUntilOffered(fixture, 'PO-6.x12');
      await sleep(fixture.settleMs * 2);
      expect((await transport.poll()).map((file) => file.name)).toEqual(['PO-6.x12']);
    });

    it('withholds a taken file, and after acknowledgeTaken moves it to the archive', async () => {
      const bytes = binaryPayload(1_000, 3);
      await partner.writeInbox('PO-ACK.x12', bytes);
      const file = await pollUntilOffered(fixture, 'PO-ACK.x12');
      await transport.take(file);
      expect((await transport.poll()).map((offered) => offered.name)).not.toContain('PO-ACK.x12');
      await transport.acknowledgeTaken(file);
      await sleep(fixture.settleMs * 2);
      expect(await transport.poll()).toEqual([]);
      expect(await partner.listInbox()).toEqual([]);
      expect(await partner.listArchive()).toEqual([{ name: 'PO-ACK.x12', bytes }]);
      // A retried acknowledgement (after a crash, say) is harmless.
      await transport.acknowledgeTaken(file);
    });

    it('refuses to take a file that changed after it was polled', async () => {
      await partner.writeInbox('PO-CHANGED.x12', binaryPayload(100));
      const file = await pollUntilOffered(fixture, 'PO-CHANGED.x12');
      await partner.appendInbox('PO-CHANGED.x12', binaryPayload(5));
      await expectTransportError(transport.take(file), 'transport-file-changed', true);
      expect((await pollUntilOffered(fixture, 'PO-CHANGED.x12')).size).toBe(105);
    });

    it('delivers the exact bytes and never overwrites a file of the same name', async () => {
      const first = binaryPayload(2_000, 1);
      const second = binaryPayload(3_000, 2);
      const receipts = [
        await transport.deliver('INV-1.x12', first),
        await transport.deliver('INV-1.x12', second),
      ];
      expect(receipts[0]).toMatchObject({ name: 'INV-1.x12', size: 2_000 });
      expect(receipts[1]?.name).not.toBe('INV-1.x12');
      expect((await partner.listOutbox()).filter((name) => !isInProgressName(name)).sort()).toEqual(
        receipts.map((receipt) => receipt.name).sort(),
      );
      expect(await partner.readOutbox('INV-1.x12')).toEqual(first);
      expect(await partner.readOutbox(receipts[1]?.name ?? '')).toEqual(second);
    });

    it('takes the same bytes under the same name, delivered again after a crash, as one file', async () => {
      const bytes = binaryPayload(2_000, 3);
      const first = await transport.deliver('997-000000042.x12', bytes);
      const again = await transport.deliver('997-000000042.x12', bytes);
      expect(again.name).toBe(first.name);
      expect((await partner.listOutbox()).filter((name) => !isInProgressName(name))).toEqual([first.name]);
      expect(await partner.readOutbox(first.name)).toEqual(bytes);
    });

    it('delivers atomically: a reader polling the outbox never sees part of a file', async () => {
      const bytes = binaryPayload(5 * 1024 * 1024, 9);
      const expected = sha256(bytes);
      let delivered = false;
      const seen: { length: number; whole: boolean }[] = [];
      const read = async () => {
        for (const name of (await partner.listOutbox()).filter((entry) => !isInProgressName(entry))) {
          const content = await partner.readOutbox(name);
          seen.push({ length: content.byteLength, whole: sha256(content) === expected });
        }
      };
      const reader = (async () => {
        let passes = 0;
        while (!delivered) {
          await read();
          passes += 1;
        }
        return passes;
      })();
      await transport.deliver('ASN-BIG.x12', bytes);
      delivered = true;
      expect(await reader).toBeGreaterThan(1);
      await read();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((observation) => !observation.whole)).toEqual([]);
    });

    it('refuses names that are not plain, finished file names', async () => {
      for (const name of ['', '../escape.x12', 'sub/INV.x12', '.hidden', 'INV.x12.part', 'INV.x12.tmp']) {
        await expectTransportError(transport.deliver(name, binaryPayload(1)), 'transport-refused', true);
      }
    });

    it('reports an inbox that disappeared as transport-unavailable, worth a retry', async () => {
      await transport.poll();
      await partner.removeInbox();
      await expectTransportError(transport.poll(), 'transport-unavailable', false);
    });

    it('refuses an inbound file whose name would reach outside the inbox', async () => {
      const forged = {
        name: '../outbox/x',
        path: '../outbox/x',
        size: 1,
        modifiedAt: new Date(),
        reference: '',
      };
      await expectTransportError(transport.take(forged), 'transport-refused', true);
      await expectTransportError(transport.acknowledgeTaken(forged), 'transport-refused', true);
    });

    it('refuses every call after close', async () => {
      await transport.close();
      await expectTransportError(transport.poll(), 'transport-closed', true);
      await expectTransportError(transport.deliver('INV.x12', binaryPayload(1)), 'transport-closed', true);
    });
  });
}
