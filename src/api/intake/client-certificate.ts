import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';
import type { X12PartnerConfig } from '../../partners/index.js';
import { IntakeError } from './intake-error.js';

/**
 * Refuses the request (403) when the partner's file lists client certificates and the
 * connection did not present one of them, verified against the server's CA (TLS_CLIENT_CA_FILE).
 * The server asks every client for a certificate but lets the handshake through without one
 * (`rejectUnauthorized: false`), so partners without mTLS still connect; the decision is here.
 *
 * @example
 * checkClientCertificate(req, partner); // throws IntakeError.certificateRefused(...)
 */
export function checkClientCertificate(req: Request, partner: X12PartnerConfig): void {
  const accepted = partner.intake?.http?.clientCertificates;
  if (accepted === undefined) return;
  const socket = req.socket as Partial<TLSSocket>;
  if (socket.encrypted !== true || typeof socket.getPeerCertificate !== 'function') {
    throw IntakeError.certificateRefused(partner.id, 'this connection is not HTTPS');
  }
  const certificate = socket.getPeerCertificate();
  if (Object.keys(certificate).length === 0) {
    throw IntakeError.certificateRefused(partner.id, 'no client certificate was presented');
  }
  if (socket.authorized !== true) {
    const reason = socket.authorizationError === undefined ? '' : ` (${String(socket.authorizationError)})`;
    throw IntakeError.certificateRefused(
      partner.id,
      `the client certificate is not signed by a CA this server trusts${reason}`,
    );
  }
  const fingerprint = `SHA256:${certificate.fingerprint256}`.toUpperCase();
  if (!accepted.some((listed) => listed.toUpperCase() === fingerprint)) {
    throw IntakeError.certificateRefused(
      partner.id,
      `the client certificate ${fingerprint} is not one of the partner's intake.http.clientCertificates`,
    );
  }
}
