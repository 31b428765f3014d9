import { Type, type Static } from '@sinclair/typebox';

/**
 * A client certificate's SHA-256 fingerprint, written `SHA256:` and 32 colon-separated hex pairs
 * (either case): what `openssl x509 -noout -fingerprint -sha256` prints after its `=`, and what
 * Node reports for a peer certificate, so it can be pasted from either without reformatting.
 */
export const CertificateFingerprint = Type.String({
  pattern: '^SHA256:[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$',
  description:
    'SHA256: and the certificate fingerprint as `openssl x509 -noout -fingerprint -sha256 -in CERT` prints it after "=" (32 colon-separated hex pairs)',
});

// Posts are held in memory while they are stored, so even a partner's own limit has a ceiling.
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

/** How the partner posts to `POST /api/partners/<id>/transmissions`. */
export const HttpIntakeSchema = Type.Object(
  {
    maxBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_BODY_BYTES,
        description:
          "the largest body this partner may post, in bytes (up to 1 GiB); it replaces the gateway's INTAKE_MAX_BYTES for this partner",
      }),
    ),
    // Present: every post must come over TLS with a verified client certificate listed here.
    clientCertificates: Type.Optional(Type.Array(CertificateFingerprint, { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);

/** How the partner's files reach us other than by its transport's polls. */
export const IntakeSchema = Type.Object(
  { http: Type.Optional(HttpIntakeSchema) },
  { additionalProperties: false },
);

export type HttpIntakeSettings = Static<typeof HttpIntakeSchema>;
export type IntakeSettings = Static<typeof IntakeSchema>;
