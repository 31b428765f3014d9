import type { ConnectorSettings } from '../../marketplaces/index.js';
import { resolveSecret, type MarketplacePartnerConfig } from '../../partners/index.js';

/**
 * A marketplace partner file as its connector's settings, with every credential read now from
 * where the file says (`{ env }`): a missing one fails with the partner, field and variable.
 *
 * @example
 * const connector = createMarketplaceConnector(connectorSettings(partner, process.env));
 */
export function connectorSettings(
  partner: MarketplacePartnerConfig,
  env: Readonly<Record<string, string | undefined>>,
): ConnectorSettings {
  const { transport } = partner;
  const credentials: Record<string, string> = {};
  for (const [name, reference] of Object.entries(transport.credentials)) {
    credentials[name] = resolveSecret(reference, env);
  }
  return {
    partnerId: partner.id,
    platform: transport.platform,
    account: transport.account,
    credentials,
    firstPullHours: transport.firstPullHours,
    ...(transport.apiUrl === undefined ? {} : { apiUrl: transport.apiUrl }),
    ...(transport.authUrl === undefined ? {} : { authUrl: transport.authUrl }),
    ...(transport.marketplaceIds === undefined ? {} : { marketplaceIds: transport.marketplaceIds }),
  };
}
