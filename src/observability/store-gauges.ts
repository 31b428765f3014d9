import { Gauge, type Registry } from 'prom-client';
import type { TransmissionStats } from '../store/index.js';
import { partnerLabel } from './partner-label.js';

/** How the scrape-time gauges report: a failed query, and each collection while it runs. */
export interface CollectContext {
  failed(source: string, error: unknown): void;
  /** Runs one collection, letting the error counter wait for it within the same scrape. */
  track(collection: () => Promise<void>): Promise<void>;
}

/**
 * The gauges read from the store at each scrape. Each is cleared before it is filled, so a
 * combination that no longer exists disappears, and a failed query leaves it empty rather than
 * repeating the last values as if they were current.
 */
export function registerStoreGauges(
  registry: Registry,
  stats: TransmissionStats,
  now: () => Date,
  context: CollectContext,
): void {
  const registers = [registry];
  new Gauge({
    name: 'edi_transmissions',
    help: 'Stored transmissions by direction, status and partner (unknown until the envelope names it).',
    labelNames: ['direction', 'status', 'partner'] as const,
    registers,
    collect() {
      return context.track(async () => {
        this.reset();
        try {
          for (const row of await stats.countByDirectionStatusPartner()) {
            const partner = partnerLabel(row.partnerId);
            this.inc({ direction: row.direction, status: row.status, partner }, row.count);
          }
        } catch (error) {
          context.failed('transmissions', error);
        }
      });
    },
  });
  new Gauge({
    name: 'edi_open_exceptions',
    help: 'Exceptions waiting for staff, by kind.',
    labelNames: ['kind'] as const,
    registers,
    collect() {
      return context.track(async () => {
        this.reset();
        try {
          for (const row of await stats.countOpenExceptionsByKind()) this.set({ kind: row.kind }, row.count);
        } catch (error) {
          context.failed('exceptions', error);
        }
      });
    },
  });
  new Gauge({
    name: 'edi_overdue_acknowledgements',
    help: 'Functional groups sent and not acknowledged in time, by partner.',
    labelNames: ['partner'] as const,
    registers,
    collect() {
      return context.track(async () => {
        this.reset();
        try {
          for (const row of await stats.countOverdueAcknowledgements(now())) {
            this.set({ partner: row.partnerId }, row.count);
          }
        } catch (error) {
          context.failed('overdue-acknowledgements', error);
        }
      });
    },
  });
}
