import type { GatewayConfig } from '../../config/index.js';
import type { PartnerRegistry } from '../../partners/index.js';

/**
 * What stops partner posts from working as their files say, one line per problem naming the
 * partner: a partner that requires client certificates while the server asks for none (no
 * TLS_CLIENT_CA_FILE, or no HTTPS at all) would have every post refused. `serve` refuses to start
 * on any. Disabled partners are left out: they take no posts anyway.
 *
 * @example
 * const problems = checkIntakeSettings(partners, config);
 * if (problems.length > 0) throw new CliError(problems.join('\n'));
 */
export function checkIntakeSettings(
  partners: PartnerRegistry,
  config: Partial<Pick<GatewayConfig, 'TLS_CERT_FILE' | 'TLS_KEY_FILE' | 'TLS_CLIENT_CA_FILE'>>,
): string[] {
  const asksForCertificates =
    config.TLS_CERT_FILE !== undefined &&
    config.TLS_KEY_FILE !== undefined &&
    config.TLS_CLIENT_CA_FILE !== undefined;
  if (asksForCertificates) return [];
  return partners
    .all()
    .filter(
      (partner) => partner.enabled && partner.kind === 'x12' && partner.intake?.http?.clientCertificates,
    )
    .map(
      (partner) =>
        `partner ${partner.id}: /intake/http/clientCertificates requires client certificates, but the server asks for none: set TLS_CERT_FILE, TLS_KEY_FILE and TLS_CLIENT_CA_FILE (the CA that signs the partners' certificates)`,
    );
}
