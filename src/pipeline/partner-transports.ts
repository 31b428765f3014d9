import { GatewayError } from '../errors/index.js';
import type { PartnerConfig } from '../partners/index.js';
import { createFolderTransport, type FolderTransportOptions, type Transport } from '../transports/index.js';

/** Gives the transport of a partner, opened once and shared by every job. */
export interface PartnerTransports {
  forPartner(partner: PartnerConfig): Transport;
  /** Closes every transport opened so far. */
  close(): Promise<void>;
}

/**
 * Opens partners' transports on first use from their config. Only folder transports exist so
 * far; any other kind is a permanent error naming the partner, not a retry loop.
 *
 * @example
 * const transports = createPartnerTransports();
 * await transports.forPartner(partner).deliver('997-000000001.x12', bytes);
 */
export function createPartnerTransports(folderOptions: FolderTransportOptions = {}): PartnerTransports {
  const opened = new Map<string, Transport>();
  return {
    forPartner(partner) {
      const existing = opened.get(partner.id);
      if (existing !== undefined) return existing;
      if (partner.kind !== 'x12' || partner.transport.type !== 'folder') {
        const type = partner.kind === 'x12' ? partner.transport.type : partner.kind;
        throw new GatewayError(
          'transport-not-supported',
          `partner ${partner.id}: the ${type} transport is not available in the pipeline yet`,
          { permanent: true, status: 501 },
        );
      }
      const transport = createFolderTransport(partner.transport, folderOptions);
      opened.set(partner.id, transport);
      return transport;
    },
    async close() {
      const all = [...opened.values()];
      opened.clear();
      await Promise.all(all.map((t) => t.close()));
    },
  };
}
