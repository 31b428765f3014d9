import type { Finding } from '../problem.js';
import type { PartnerFile } from '../schema.js';
import type { MarketplaceTransport } from '../schema/transport.js';
import type { PartnerCheck } from './partner-check.js';

/** What each platform's API needs to sign in (Amazon SP-API through Login with Amazon). */
const CREDENTIALS: Record<MarketplaceTransport['platform'], readonly string[]> = {
  amazon: ['clientId', 'clientSecret', 'refreshToken'],
  shopify: ['accessToken'],
  walmart: ['clientId', 'clientSecret'],
};

function sameFolder(a: string, b: string): boolean {
  const trim = (path: string) => path.replace(/\/+$/, '') || '/';
  return trim(a) === trim(b);
}

/** Fields of a transport that only make sense together. */
export const transportCheck: PartnerCheck<PartnerFile> = {
  reads: ['/transport'],
  run({ transport }) {
    const findings: Finding[] = [];
    const need = (pointer: string, message: string) => findings.push({ pointer, message });
    switch (transport.type) {
      case 'sftp':
        if (!transport.password && !transport.privateKey) {
          need('/transport', 'needs a password or a privateKey to sign in to the server');
        }
        if (transport.passphrase && !transport.privateKey) {
          need('/transport/passphrase', 'unlocks a private key, but there is no privateKey');
        }
        if (transport.doneSuffix !== undefined && transport.completion !== 'done-file') {
          need('/transport/doneSuffix', 'is only used when completion is done-file');
        }
        if (transport.archive !== undefined && sameFolder(transport.archive, transport.inbox)) {
          need('/transport/archive', 'must differ from inbox: archived files would be collected again');
        }
        break;
      case 'folder':
        if (transport.archive !== undefined && sameFolder(transport.archive, transport.inbox)) {
          need('/transport/archive', 'must differ from inbox: archived files would be collected again');
        }
        break;
      case 'as2':
        if (transport.mdn === 'async' && !transport.asyncMdnUrl) {
          need(
            '/transport/asyncMdnUrl',
            'is required when mdn is async: it is where the partner posts the MDN',
          );
        }
        if (transport.mdn === 'sync' && transport.asyncMdnUrl) {
          need('/transport/asyncMdnUrl', 'is only used when mdn is async');
        }
        break;
      case 'marketplace':
        for (const name of CREDENTIALS[transport.platform]) {
          if (!transport.credentials[name]) {
            need(
              `/transport/credentials/${name}`,
              `is required for ${transport.platform}: write ${name}: { env: VARIABLE_NAME }`,
            );
          }
        }
        if (transport.platform === 'amazon' && transport.marketplaceIds === undefined) {
          need(
            '/transport/marketplaceIds',
            'is required for amazon: getOrders asks for the orders of named marketplaces',
          );
        }
        if (transport.platform !== 'amazon') {
          if (transport.marketplaceIds !== undefined)
            need('/transport/marketplaceIds', 'is only used for amazon');
          if (transport.authUrl !== undefined) {
            need(
              '/transport/authUrl',
              `is only used for amazon: ${transport.platform} issues tokens on its API`,
            );
          }
        }
        if (
          transport.platform === 'shopify' &&
          !/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/i.test(transport.account)
        ) {
          need('/transport/account', 'must be the shop domain, such as acme.myshopify.com');
        }
        break;
      default:
        break;
    }
    return findings;
  },
};
