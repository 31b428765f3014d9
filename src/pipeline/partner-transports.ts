import { GatewayError } from '../errors/index.js';
import {
  createMarketplaceConnector,
  type ApiClientOptions,
  type MarketplaceConnector,
} from '../marketplaces/index.js';
import {
  type MarketplacePartnerConfig,
  type PartnerConfig,
  resolveSecret,
  type SecretReference,
  type SftpTransport,
} from '../partners/index.js';
import { type As2SentMessages, as2TransportSettings, createAs2Transport } from '../transports/as2/index.js';
import {
  createFolderTransport,
  createHttpTransport,
  createSftpTransport,
  type FolderTransportOptions,
  type SftpTransportOptions,
  type SftpTransportSettings,
  type Transport,
} from '../transports/index.js';
import { connectorSettings } from './marketplaces/connector-settings.js';
import { createMarketplaceTransport } from './marketplaces/marketplace-transport.js';

/** Gives the transport of a partner, opened once and shared by every job. */
export interface PartnerTransports {
  forPartner(partner: PartnerConfig): Transport;
  /** The API connector of a marketplace account, made once and shared (its rate limits with it). */
  marketplaceFor(partner: MarketplacePartnerConfig): MarketplaceConnector;
  /** Closes every transport opened so far. */
  close(): Promise<void>;
}

export interface PartnerTransportOptions {
  folder?: FolderTransportOptions;
  /** Timeouts, pool size and settle time of SFTP transports (tests shorten them). */
  sftp?: SftpTransportOptions;
  /** Where `{ env }` secrets are read. Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Where AS2 transports keep their Message-IDs and MDNs (the store's `as2Messages`), asked for
   * when the first AS2 transport opens: the store opens after the transports are made.
   */
  as2Messages?: () => As2SentMessages | undefined;
  /** Timeouts, attempts and backoff of marketplace API calls (tests shorten them). */
  marketplace?: ApiClientOptions;
}

/**
 * Opens partners' transports on first use from their config: folder, SFTP, HTTP and AS2. Secrets are
 * read at that moment, so a missing one fails the partner's poll or delivery with the variable's
 * name, not the whole gateway. A transport the gateway does not implement is a permanent error
 * naming the partner, not a retry loop (`serve` refuses such partners at start).
 *
 * @example
 * const transports = createPartnerTransports();
 * await transports.forPartner(partner).deliver('997-000000001.x12', bytes);
 */
export function createPartnerTransports(options: PartnerTransportOptions = {}): PartnerTransports {
  const opened = new Map<string, Transport>();
  const connectors = new Map<string, MarketplaceConnector>();
  const marketplaceFor = (partner: MarketplacePartnerConfig): MarketplaceConnector => {
    let connector = connectors.get(partner.id);
    if (connector === undefined) {
      connector = createMarketplaceConnector(
        connectorSettings(partner, options.env ?? process.env),
        options.marketplace,
      );
      connectors.set(partner.id, connector);
    }
    return connector;
  };
  return {
    forPartner(partner) {
      const existing = opened.get(partner.id);
      if (existing !== undefined) return existing;
      const transport =
        partner.kind === 'marketplace'
          ? createMarketplaceTransport(marketplaceFor(partner), `partner ${partner.id}`)
          : openTransport(partner, options);
      opened.set(partner.id, transport);
      return transport;
    },
    marketplaceFor,
    async close() {
      const all = [...opened.values()];
      opened.clear();
      connectors.clear();
      await Promise.all(all.map((t) => t.close()));
    },
  };
}

function openTransport(partner: PartnerConfig, options: PartnerTransportOptions): Transport {
  const env = options.env ?? process.env;
  const label = `partner ${partner.id}`;
  if (partner.kind === 'x12') {
    const { transport } = partner;
    switch (transport.type) {
      case 'folder':
        return createFolderTransport(transport, options.folder);
      case 'sftp':
        return createSftpTransport(sftpSettings(transport, env), {
          maxConnections: transport.maxConnections,
          connectTimeoutMs: transport.timeouts.connectSeconds * 1000,
          operationTimeoutMs: transport.timeouts.listingSeconds * 1000,
          transferTimeoutMs: transport.timeouts.transferSeconds * 1000,
          ...options.sftp,
          label,
        });
      case 'http':
        return createHttpTransport(
          { url: transport.url, token: resolveSecret(transport.auth, env), label },
          { timeoutMs: transport.timeoutSeconds * 1000 },
        );
      case 'as2': {
        const messages = options.as2Messages?.();
        if (messages === undefined) break;
        return createAs2Transport(as2TransportSettings(partner, transport, env), messages);
      }
      default:
        break;
    }
  }
  const type = partner.kind === 'x12' ? partner.transport.type : partner.kind;
  throw new GatewayError(
    'transport-not-supported',
    `partner ${partner.id}: the ${type} transport is not available in the gateway yet`,
    { permanent: true, status: 501 },
  );
}

/** The SFTP adapter's settings from a partner file, with its secrets read. */
export function sftpSettings(
  transport: SftpTransport,
  env: Readonly<Record<string, string | undefined>>,
): SftpTransportSettings {
  const secret = (reference: SecretReference | undefined) =>
    reference === undefined ? undefined : resolveSecret(reference, env);
  return {
    host: transport.host.replace(/^\[(.*)\]$/, '$1'),
    port: transport.port,
    username: transport.username,
    hostKey: transport.hostKey,
    inbox: transport.inbox,
    outbox: transport.outbox,
    pollSeconds: transport.pollSeconds,
    tempSuffix: transport.tempSuffix,
    completion:
      transport.completion === 'done-file'
        ? { doneSuffix: transport.doneSuffix ?? '.done' }
        : transport.completion,
    archive: transport.archive,
    password: secret(transport.password),
    privateKey: secret(transport.privateKey),
    passphrase: secret(transport.passphrase),
  };
}
