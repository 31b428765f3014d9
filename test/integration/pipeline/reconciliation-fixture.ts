import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/api/index.js';
import type { PipelineQueues, WorkerDeps } from '../../../src/pipeline/index.js';
import { bearer, staffKeys } from '../api/staff-keys.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from './pipeline-harness.js';

/**
 * A harness whose partner takes 856s and 810s from us and sends 997s and 820s, acknowledging
 * within 24 hours, with the API listening on a free loopback port. Its 856s are SOTPI with carton
 * labels unless `documentOptions` says otherwise.
 */
export interface ReconciliationHarness extends Harness {
  api: string;
  deps: WorkerDeps<PipelineQueues>;
  /** POSTs JSON to the API; answers the status and the parsed body. */
  postEvent(kind: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Waits until the outbound transmission is delivered, and answers its bytes. */
  delivered(transmissionId: string): Promise<string>;
}

export async function startReconciliationHarness(
  documentOptions: Record<string, unknown> = { '856': { hierarchy: 'SOTPI', packageLabel: 'sscc-18' } },
): Promise<ReconciliationHarness> {
  const harness = await startHarness({
    inbound: ['850', '997', '820'],
    outbound: ['855', '856', '810'],
    documentOptions,
    acknowledgements: { functional: '997', expectWithinHours: 24 },
  });
  const deps: WorkerDeps<PipelineQueues> = {
    repositories: harness.repositories,
    partners: harness.partners,
    queues: harness.pipeline.queues,
  };
  const server = createApp({ services: deps, partners: harness.partners }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const erpKey = staffKeys(harness.repositories)('erp', 'operator');
  return {
    ...harness,
    api,
    deps,
    async postEvent(kind, body) {
      const response = await fetch(`${api}/api/events/${kind}`, {
        method: 'POST',
        headers: bearer(await erpKey, true),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async delivered(transmissionId) {
      const sent = await waitFor(`transmission ${transmissionId} to be delivered`, async () => {
        const t = await harness.repositories.transmissions.get(transmissionId);
        return t?.status === 'sent' ? t : undefined;
      });
      return sent.payload?.toString('utf8') ?? '';
    },
    async dispose() {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await harness.dispose();
    },
  };
}

/** `fixtures/canonical/<name>.json` addressed to the harness partner, without its id. */
export function canonicalEvent(name: 'ship-notice' | 'invoice', changes: Record<string, unknown> = {}) {
  const document = JSON.parse(readFileSync(`fixtures/canonical/${name}.json`, 'utf8')) as Record<
    string,
    unknown
  >;
  const { id: _id, ...event } = document;
  return { ...event, partnerId: PARTNER_ID, ...changes };
}
