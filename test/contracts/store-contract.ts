import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors/index.js';
import {
  ControlNumberCounterSchema,
  createRepositories,
  type OpenedStore,
  type Repositories,
} from '../../src/store/index.js';
import { migrationsByDialect } from '../../src/store/migrations/index.js';
import { AWKWARD, interchange } from './store-samples.js';

/** How a test file gives the contract suite a fresh database of one dialect. */
export interface StoreHarness {
  /** Opens the database under test; every call opens the same, initially empty, database. */
  open(): Promise<OpenedStore>;
  /** Removes the database (schema or folder) and closes the store given. */
  dispose(store: OpenedStore): Promise<void>;
}

/**
 * The store a contract suite runs on: opened before its tests, disposed after them. Read its
 * fields inside tests, once `beforeAll` has run.
 */
export function openForSuite(harness: StoreHarness): { store: OpenedStore; repos: Repositories } {
  const suite = {} as { store: OpenedStore; repos: Repositories };
  beforeAll(async () => {
    suite.store = await harness.open();
    suite.repos = createRepositories(suite.store.orm);
  });
  afterAll(async () => {
    if ((suite.store as OpenedStore | undefined) !== undefined) await harness.dispose(suite.store);
  });
  return suite;
}

/**
 * The behaviour every store adapter must show. Each dialect's test file calls it once.
 *
 * @example
 * describeStoreContract('libsql', { open: () => openStore({ DATA_DIR: dir }), dispose: (s) => s.close() });
 */
export function describeStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`store contract: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('applies the migrations once; opening again changes nothing and keeps the data', async () => {
      const migrator = suite.store.orm.getMigrator();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      const executed = (await migrator.getExecutedMigrations()).map((m) => m.name);
      const dialect = suite.store.dialect;
      expect(executed).toEqual(migrationsByDialect[dialect].map((m) => m.name));
      const id = await suite.repos.transmissions.recordInbound(Buffer.from('kept'), { channel: 'cli' });

      const again = await harness.open();
      try {
        const executedAgain = (await again.orm.getMigrator().getExecutedMigrations()).map((m) => m.name);
        expect(executedAgain).toEqual(executed);
        const kept = await createRepositories(again.orm).transmissions.get(id);
        expect(kept?.payload?.toString()).toBe('kept');
      } finally {
        await again.close();
      }
    });

    it('stores inbound bytes exactly, with their sha256 and size, as received', async () => {
      const receivedAt = new Date('2025-03-01T10:00:00.123Z');
      const id = await suite.repos.transmissions.recordInbound(AWKWARD, {
        channel: 'sftp',
        sourceRef: 'inbound/po-0001.edi',
        receivedAt,
      });
      const stored = await suite.repos.transmissions.get(id);
      expect(stored).not.toBeNull();
      expect(Buffer.compare(stored!.payload!, AWKWARD)).toBe(0);
      expect(stored).toMatchObject({
        direction: 'inbound',
        channel: 'sftp',
        partnerId: null,
        sha256: createHash('sha256').update(AWKWARD).digest('hex'),
        size: AWKWARD.length,
        sourceRef: 'inbound/po-0001.edi',
        status: 'received',
        attempts: 0,
        lastError: null,
      });
      expect(stored!.receivedAt.toISOString()).toBe(receivedAt.toISOString());
      expect(stored!.history.map((h) => h.status)).toEqual(['received']);
      // Nothing but the transmission itself exists yet: no envelope was indexed from it.
      expect(await suite.repos.envelopes.findInbound('any', 'any', 'any')).toBeNull();
    });

    it('stores outbound bytes under the id given, once, waiting for delivery', async () => {
      const id = `0000000${dialect === 'libsql' ? '1' : '2'}-0000-4000-8000-000000000001`;
      const meta = { id, partnerId: 'acme', channel: 'folder', sourceRef: '997-000000001.x12' } as const;
      expect(await suite.repos.transmissions.recordOutbound(AWKWARD, meta)).toBe(id);
      const stored = await suite.repos.transmissions.get(id);
      expect(Buffer.compare(stored!.payload!, AWKWARD)).toBe(0);
      expect(stored).toMatchObject({
        direction: 'outbound',
        partnerId: 'acme',
        channel: 'folder',
        sourceRef: '997-000000001.x12',
        sha256: createHash('sha256').update(AWKWARD).digest('hex'),
        status: 'processed',
        attempts: 0,
      });
      expect(stored!.history.map((h) => h.status)).toEqual(['processed']);
      const again: unknown = await suite.repos.transmissions
        .recordOutbound(Buffer.from('x'), meta)
        .catch((e: unknown) => e);
      expect(again).toMatchObject({ code: 'duplicate', permanent: true });
      const fresh = await suite.repos.transmissions.recordOutbound(Buffer.from('y'), {
        ...meta,
        id: undefined,
      });
      expect(fresh).not.toBe(id);
    });

    it('stores an upload once while its intake key is held, and anew once it is released', async () => {
      const { transmissions } = suite.repos;
      const intakeKey = `file|acme|/outbound/PO-1.x12|4|${dialect}`;
      const meta = {
        channel: 'sftp',
        partnerId: 'acme',
        sourceRef: 'PO-1.x12',
        sourcePath: '/outbound/PO-1.x12',
        intakeKey,
      } as const;
      const first = await transmissions.recordInboundOnce(Buffer.from('ISA1'), meta);
      const sha256 = createHash('sha256').update('ISA1').digest('hex');
      expect(first).toMatchObject({ duplicate: false, sha256 });
      // Taken again after a crash, before the file left the inbox: the first one answers.
      const again = await transmissions.recordInboundOnce(Buffer.from('ISA1'), meta);
      expect(again).toEqual({ id: first.id, duplicate: true, sha256 });
      expect(await transmissions.findBySha256(sha256)).toHaveLength(1);
      // Held keys of other uploads do not interfere.
      const other = await transmissions.recordInboundOnce(Buffer.from('ISA2'), {
        ...meta,
        intakeKey: `${intakeKey}-2`,
      });
      expect(other.duplicate).toBe(false);

      await transmissions.releaseIntakeKey(first.id);
      await transmissions.releaseIntakeKey(first.id);
      const later = await transmissions.recordInboundOnce(Buffer.from('ISA1'), meta);
      expect(later.duplicate).toBe(false);
      expect(later.id).not.toBe(first.id);
      expect(await transmissions.get(first.id)).toMatchObject({
        status: 'received',
        sourceRef: 'PO-1.x12',
        sourcePath: '/outbound/PO-1.x12',
      });
    });

    it('keeps every status change in order, counting attempts and the last error', async () => {
      const id = await suite.repos.transmissions.recordInbound(Buffer.from('x'), { channel: 'http' });
      await suite.repos.transmissions.setStatus(id, 'processing');
      await suite.repos.transmissions.setStatus(id, 'failed', 'mapping crashed');
      await suite.repos.transmissions.setStatus(id, 'processing', 'retry');
      await suite.repos.transmissions.setStatus(id, 'processed');
      const stored = await suite.repos.transmissions.get(id);
      expect(stored?.history.map((h) => [h.status, h.message])).toEqual([
        ['received', null],
        ['processing', null],
        ['failed', 'mapping crashed'],
        ['processing', 'retry'],
        ['processed', null],
      ]);
      expect(stored).toMatchObject({ status: 'processed', attempts: 2, lastError: 'mapping crashed' });
    });

    it('refuses a status change for a transmission that does not exist', async () => {
      const error: unknown = await suite.repos.transmissions
        .setStatus('00000000-0000-4000-8000-000000000000', 'processed')
        .catch((e: unknown) => e);
      expect(isGatewayError(error) && error.code).toBe('not-found');
    });

    it('finds transmissions by sha256 and lists them by status and partner', async () => {
      const bytes = Buffer.from(`same bytes ${dialect}`);
      const first = await suite.repos.transmissions.recordInbound(bytes, {
        channel: 'as2',
        partnerId: 'acme',
      });
      const second = await suite.repos.transmissions.recordInbound(bytes, {
        channel: 'as2',
        partnerId: 'acme',
      });
      await suite.repos.transmissions.recordInbound(Buffer.from('other'), {
        channel: 'as2',
        partnerId: 'globex',
      });
      await suite.repos.transmissions.setStatus(second, 'rejected', 'bad ISA');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const found = await suite.repos.transmissions.findBySha256(sha.toUpperCase());
      expect(found.map((t) => t.id).sort()).toEqual([first, second].sort());

      const rejected = await suite.repos.transmissions.list({ status: 'rejected', partnerId: 'acme' });
      expect(rejected.map((t) => t.id)).toEqual([second]);
      expect(await suite.repos.transmissions.list({ partnerId: 'acme', limit: 1 })).toHaveLength(1);
      expect((await suite.repos.transmissions.list({ partnerId: 'globex' }))[0]?.partnerId).toBe('globex');
    });

    it('lists only transmissions received before a given moment', async () => {
      const partnerId = `before-${dialect}`;
      const at = (iso: string) => ({ channel: 'folder' as const, partnerId, receivedAt: new Date(iso) });
      const old = await suite.repos.transmissions.recordInbound(
        Buffer.from('old'),
        at('2025-04-01T10:00:00Z'),
      );
      await suite.repos.transmissions.recordInbound(Buffer.from('edge'), at('2025-04-01T10:01:00Z'));
      await suite.repos.transmissions.recordInbound(Buffer.from('new'), at('2025-04-01T10:02:00Z'));

      const before = await suite.repos.transmissions.list({
        partnerId,
        status: 'received',
        receivedBefore: new Date('2025-04-01T10:01:00Z'),
      });
      expect(before.map((t) => t.id)).toEqual([old]);
    });

    it('refuses an inbound interchange already stored for the partner, sender and ISA13', async () => {
      const transmissionId = await suite.repos.transmissions.recordInbound(Buffer.from('ISA...'), {
        channel: 'sftp',
      });
      await suite.repos.transmissions.setPartner(transmissionId, 'acme');
      const entry = interchange(transmissionId, '000000905');
      const recorded = await suite.repos.envelopes.recordInterchange(entry);
      expect(recorded.transactionSetIds).toHaveLength(3);
      expect(await suite.repos.envelopes.findInbound('acme', 'ACMESENDER', '000000905')).toMatchObject({
        transmissionId,
        receivedAt: expect.any(Date) as unknown,
      });

      const error: unknown = await suite.repos.envelopes.recordInterchange(entry).catch((e: unknown) => e);
      expect(isGatewayError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'duplicate', permanent: true });

      // Another ISA13, another partner, or our own outbound interchange is not a duplicate.
      await suite.repos.envelopes.recordInterchange(interchange(transmissionId, '000000906'));
      await suite.repos.envelopes.recordInterchange({ ...entry, partnerId: 'globex' });
      await suite.repos.envelopes.recordInterchange({ ...entry, direction: 'outbound' });
    });

    it('stores canonical documents as JSON, linked to their transaction set, once per id', async () => {
      const transmissionId = await suite.repos.transmissions.recordInbound(Buffer.from('ISA'), {
        channel: 'sftp',
      });
      const { transactionSetIds } = await suite.repos.envelopes.recordInterchange(
        interchange(transmissionId, '000000777'),
      );
      const po = {
        id: `po-${dialect}`,
        type: 'purchase_order',
        partnerId: 'acme',
        lines: [{ quantity: '2.5' }],
      };
      await suite.repos.documents.save(po, transactionSetIds[0]);
      expect(await suite.repos.documents.get(po.id)).toMatchObject({
        document: po,
        transactionSetId: transactionSetIds[0],
      });
      const again: unknown = await suite.repos.documents.save(po).catch((e: unknown) => e);
      expect(again).toMatchObject({ code: 'duplicate' });
      expect(await suite.repos.documents.get('missing')).toBeNull();
    });

    it('stores only the documents not stored yet, in one call, keeping what is there', async () => {
      const transmissionId = await suite.repos.transmissions.recordInbound(Buffer.from('ISA'), {
        channel: 'sftp',
      });
      const { transactionSetIds } = await suite.repos.envelopes.recordInterchange(
        interchange(transmissionId, '000000778'),
      );
      const doc = (n: number, note: string) => ({
        id: `bulk-${dialect}-${n}`,
        type: 'purchase_order',
        partnerId: 'acme',
        note,
        createdOn: new Date('2025-03-04T05:06:07Z').toISOString(),
      });
      await suite.repos.documents.save(doc(1, 'first'), transactionSetIds[0]);
      const stored = await suite.repos.documents.saveNew([
        { document: doc(1, 'second'), transactionSetId: null },
        { document: doc(2, 'second'), transactionSetId: transactionSetIds[1] ?? null },
        { document: doc(3, 'second') },
      ]);
      expect(stored).toBe(2);
      expect(await suite.repos.documents.get(doc(1, '').id)).toMatchObject({
        document: doc(1, 'first'),
        transactionSetId: transactionSetIds[0],
      });
      const second = await suite.repos.documents.get(doc(2, '').id);
      expect(second).toMatchObject({ document: doc(2, 'second'), transactionSetId: transactionSetIds[1] });
      expect(second?.createdAt).toBeInstanceOf(Date);
      expect(await suite.repos.documents.get(doc(3, '').id)).toMatchObject({ transactionSetId: null });
      expect(await suite.repos.documents.saveNew([{ document: doc(2, 'third') }])).toBe(0);
      expect(await suite.repos.documents.saveNew([])).toBe(0);
      const many = await suite.repos.documents.getMany([doc(3, '').id, 'missing', doc(1, '').id]);
      expect(many.map((d) => d.id).sort()).toEqual([doc(1, '').id, doc(3, '').id].sort());
      expect(many.find((d) => d.id === doc(1, '').id)).toEqual(
        await suite.repos.documents.get(doc(1, '').id),
      );
      expect(await suite.repos.documents.getMany([])).toEqual([]);
    });

    it('reads a transmission with its bytes but without its history', async () => {
      const id = await suite.repos.transmissions.recordInbound(Buffer.from('ISA*bytes~'), {
        channel: 'folder',
      });
      await suite.repos.transmissions.setStatus(id, 'processing');
      const read = await suite.repos.transmissions.read(id);
      expect(read).toMatchObject({ id, status: 'processing', direction: 'inbound' });
      expect(read?.payload?.toString()).toBe('ISA*bytes~');
      expect(read).not.toHaveProperty('history');
      expect(await suite.repos.transmissions.read('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('finds the transaction sets of an interchange already indexed, by group and set number', async () => {
      const transmissionId = await suite.repos.transmissions.recordInbound(Buffer.from('ISA'), {
        channel: 'sftp',
      });
      await suite.repos.transmissions.setPartner(transmissionId, 'acme');
      const entry = interchange(transmissionId, '000000779');
      const { transactionSetIds } = await suite.repos.envelopes.recordInterchange(entry);
      const found = await suite.repos.envelopes.transactionSetsOf(transmissionId, '000000779');
      const expected = entry.groups.flatMap((g) =>
        g.transactionSets.map((set) => ({
          groupControlNumber: g.controlNumber,
          controlNumber: set.controlNumber,
        })),
      );
      expect(found.map(({ id: _, ...rest }) => rest)).toEqual(expected);
      expect(found.map((set) => set.id)).toEqual(transactionSetIds);
      expect(await suite.repos.envelopes.transactionSetsOf(transmissionId, '000000780')).toEqual([]);
    });

    it('records audit events and lists them per subject, oldest first', async () => {
      const subject = { type: 'transmission', id: `t-${dialect}` };
      await suite.repos.audit.record({
        actor: 'alice',
        action: 'transmission-resent',
        subjectType: subject.type,
        subjectId: subject.id,
        details: { reason: 'partner asked', attempt: 2 },
        at: new Date('2025-01-01T00:00:01Z'),
      });
      await suite.repos.audit.record({
        actor: 'system',
        action: 'transmission-sent',
        subjectType: 'transmission',
        subjectId: subject.id,
      });
      await suite.repos.audit.record({
        actor: 'bob',
        action: 'other',
        subjectType: 'partner',
        subjectId: subject.id,
      });
      const events = await suite.repos.audit.list(subject);
      expect(events.map((e) => [e.actor, e.action])).toEqual([
        ['alice', 'transmission-resent'],
        ['system', 'transmission-sent'],
      ]);
      expect(events[0]?.details).toEqual({ reason: 'partner asked', attempt: 2 });
      expect(events[1]?.details).toBeNull();
    });

    it('allocates control numbers from 1, per partner and level, distinct under parallel calls', async () => {
      expect(await suite.repos.controlNumbers.next('acme', 'ISA')).toBe(1);
      expect(await suite.repos.controlNumbers.next('acme', 'ISA')).toBe(2);
      expect(await suite.repos.controlNumbers.next('acme', 'GS')).toBe(1);
      expect(await suite.repos.controlNumbers.next('globex', 'ISA')).toBe(1);
      const parallel = await Promise.all(
        Array.from({ length: 200 }, () => suite.repos.controlNumbers.next('acme', 'ST')),
      );
      expect(new Set(parallel).size).toBe(200);
      expect(Math.min(...parallel)).toBe(1);
      expect(Math.max(...parallel)).toBe(200);
    });

    it('hands out blocks of consecutive control numbers, starting again at 1 rather than passing the maximum', async () => {
      expect(await suite.repos.controlNumbers.nextBlock('block', 'ST', 3)).toBe(1);
      expect(await suite.repos.controlNumbers.next('block', 'ST')).toBe(4);
      expect(await suite.repos.controlNumbers.nextBlock('block', 'ST', 100)).toBe(5);
      expect(await suite.repos.controlNumbers.next('block', 'ST')).toBe(105);
      await suite.store.orm.em.fork().upsert(ControlNumberCounterSchema, {
        partnerId: 'block',
        level: 'ST',
        lastValue: 999_999_990,
      });
      expect(await suite.repos.controlNumbers.nextBlock('block', 'ST', 9)).toBe(999_999_991);
      expect(await suite.repos.controlNumbers.nextBlock('block', 'ST', 5)).toBe(1);
      const refused: unknown = await suite.repos.controlNumbers
        .nextBlock('block', 'ST', 0)
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'store-invalid' });
    });

    it('gathers answers in a batch until it is complete or sealed, each share once', async () => {
      const { outboundBatches: batches } = suite.repos;
      const id = `batch-${dialect}`;
      await batches.open({ id, partnerId: 'acme', setId: '855', expected: 3 });
      await batches.open({ id, partnerId: 'acme', setId: '855', expected: 99 });
      expect(await batches.stateOf(id)).toBe('open');
      expect(await batches.join(id, 'po-1', 'ack-1')).toEqual({ joined: true, complete: false });
      expect(await batches.join(id, 'po-1', 'ack-1')).toEqual({ joined: true, complete: false });
      expect(await batches.join(id, 'po-2', null)).toEqual({ joined: true, complete: false });
      expect(await batches.join(id, 'po-3', 'ack-3')).toEqual({ joined: true, complete: true });
      expect(await batches.join(id, 'po-3', 'ack-3')).toEqual({ joined: true, complete: true });
      const sealed = await batches.seal(id, new Date('2026-01-02T03:04:05Z'));
      expect(sealed).toMatchObject({ id, partnerId: 'acme', setId: '855' });
      expect(sealed?.sealedAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      expect(sealed?.items).toEqual([
        { documentId: 'po-1', answerDocumentId: 'ack-1' },
        { documentId: 'po-2', answerDocumentId: null },
        { documentId: 'po-3', answerDocumentId: 'ack-3' },
      ]);
      // Sealed: late shares are refused, the members and the seal's time stay as they were.
      expect(await batches.join(id, 'po-4', 'ack-4')).toEqual({ joined: false });
      expect((await batches.seal(id))?.items).toHaveLength(3);
      expect((await batches.seal(id))?.sealedAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      expect(await batches.stateOf(id)).toBe('sealed');
      expect(await batches.stateOf('no-such-batch')).toBeNull();
      expect(await batches.batchOf('ack-3')).toBe(id);
      expect(await batches.batchOf('ack-4')).toBeNull();
      expect(await batches.join('no-such-batch', 'po-1', null)).toEqual({ joined: false });
      expect(await batches.seal('no-such-batch')).toBeNull();
    });

    it('wraps a control number from 999999999 back to 1', async () => {
      await suite.store.orm.em.fork().upsert(ControlNumberCounterSchema, {
        partnerId: 'wrap',
        level: 'GS',
        lastValue: 999_999_998,
      });
      const numbers = [];
      for (let i = 0; i < 3; i++) numbers.push(await suite.repos.controlNumbers.next('wrap', 'GS'));
      expect(numbers).toEqual([999_999_999, 1, 2]);
    });
  });
}
