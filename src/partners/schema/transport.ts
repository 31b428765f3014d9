import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, TaggedUnion } from './combinators.js';
import { CertificateFileSchema, EnvOrFileSecretSchema, EnvSecretSchema } from './secret.js';

const Folder = Type.String({ minLength: 1 });
const pollSeconds = Type.Integer({ minimum: 5, maximum: 86_400, default: 60 });
const Url = Type.String({ pattern: '^https?://[^\\s/]+\\S*$', description: 'an http:// or https:// URL' });

export const SftpTransportSchema = Type.Object(
  {
    type: Type.Literal('sftp'),
    host: Type.String({
      pattern: '^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+\\]?)$',
      description: 'a host name or IP address, without sftp:// and without a port',
    }),
    port: Type.Integer({ minimum: 1, maximum: 65_535, default: 22 }),
    username: Type.String({ minLength: 1 }),
    password: Type.Optional(EnvSecretSchema),
    privateKey: Type.Optional(EnvOrFileSecretSchema),
    passphrase: Type.Optional(EnvSecretSchema),
    // Pinned, never learned on first connection: that is when a man in the middle would be trusted.
    hostKey: Type.String({
      pattern: '^SHA256:[A-Za-z0-9+/]{43}$',
      description:
        "the server's host key fingerprint as `ssh-keyscan HOST | ssh-keygen -lf -` prints it (SHA256: and 43 characters)",
    }),
    inbox: Type.String({ minLength: 1, description: 'the remote folder we collect their files from' }),
    outbox: Type.String({ minLength: 1, description: 'the remote folder we deliver our files to' }),
    archive: Type.Optional(Folder),
    pollSeconds,
    // Uploads are written under a temporary name and renamed, so they never pick up half a file.
    tempSuffix: Type.String({ pattern: '^\\.[A-Za-z0-9_-]+$', default: '.part' }),
    // How we tell that one of their files is completely uploaded.
    completion: StringEnum(['stable', 'rename', 'done-file'], {
      default: 'stable',
      description:
        'stable (size and time unchanged across two listings), rename (they upload under .part/.tmp and rename), or done-file (a marker file such as PO1.x12.done follows the upload)',
    }),
    doneSuffix: Type.Optional(
      Type.String({ pattern: '^\\.[A-Za-z0-9_-]+$', description: 'the marker suffix, such as .done or .ok' }),
    ),
    maxConnections: Type.Integer({ minimum: 1, maximum: 8, default: 2 }),
    timeouts: Type.Object(
      {
        connectSeconds: Type.Integer({ minimum: 1, maximum: 600, default: 20 }),
        listingSeconds: Type.Integer({ minimum: 1, maximum: 600, default: 30 }),
        transferSeconds: Type.Integer({ minimum: 1, maximum: 86_400, default: 300 }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export const As2TransportSchema = Type.Object(
  {
    type: Type.Literal('as2'),
    ourId: Type.String({
      pattern: '^[!-~]([ -~]{0,126}[!-~])?$',
      description: 'an AS2 id (1-128 characters)',
    }),
    theirId: Type.String({
      pattern: '^[!-~]([ -~]{0,126}[!-~])?$',
      description: 'an AS2 id (1-128 characters)',
    }),
    url: Url,
    // Ours signs what we send and is the one partners encrypt to.
    ourCertificate: CertificateFileSchema,
    ourKey: EnvOrFileSecretSchema,
    // During a rollover of ours: the pairs still accepted for decryption until the partner has
    // moved to ourCertificate.
    rolloverKeys: Type.Optional(
      Type.Array(
        Type.Object(
          { certificate: CertificateFileSchema, key: EnvOrFileSecretSchema },
          { additionalProperties: false },
        ),
        { maxItems: 4 },
      ),
    ),
    // More than one while the partner rolls theirs over: a signature by any of them is accepted,
    // and we encrypt to the first.
    theirCertificate: Type.Union([
      CertificateFileSchema,
      Type.Array(CertificateFileSchema, { minItems: 1, maxItems: 4 }),
    ]),
    signing: StringEnum(['sha256', 'sha384', 'sha512', 'sha1'], { default: 'sha256' }),
    encryption: StringEnum(
      ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', 'aes128-gcm', 'aes192-gcm', 'aes256-gcm', '3des'],
      { default: 'aes256-cbc' },
    ),
    compression: Type.Boolean({ default: false, description: 'compress (zlib, RFC 5402) before signing' }),
    mdn: StringEnum(['sync', 'async'], { default: 'sync' }),
    // Ours: where the partner posts the MDNs of what we send when mdn is async.
    asyncMdnUrl: Type.Optional(Url),
    // An async MDN not received in this time raises an mdn-overdue exception.
    mdnWithinMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 60 }),
    // A post that fails on the network or with 5xx is retried by the queue; this bounds one post.
    timeoutSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 120 }),
  },
  { additionalProperties: false },
);

/** A local or mounted folder pair, for partners behind a VAN mailbox or a shared drive. */
export const FolderTransportSchema = Type.Object(
  {
    type: Type.Literal('folder'),
    inbox: Folder,
    outbox: Folder,
    archive: Type.Optional(Folder),
    pollSeconds,
  },
  { additionalProperties: false },
);

// A token or credentials travel with each request: plain http only to this machine, for sandboxes and tests.
const LOCAL_OR_HTTPS = '^(https://[^\\s/]+|http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?)(/\\S*)?$';

export const HttpTransportSchema = Type.Object(
  {
    type: Type.Literal('http'),
    url: Type.String({
      pattern: LOCAL_OR_HTTPS,
      description: 'an https:// URL (http:// only for localhost)',
    }),
    auth: EnvSecretSchema,
    timeoutSeconds: Type.Integer({
      minimum: 1,
      maximum: 600,
      default: 60,
      description: 'how long a post may take, answer included, before it counts as failed and is retried',
    }),
  },
  { additionalProperties: false },
);

export const MarketplaceTransportSchema = Type.Object(
  {
    type: Type.Literal('marketplace'),
    platform: StringEnum(['amazon', 'shopify', 'walmart']),
    account: Type.String({
      minLength: 1,
      description: 'the seller id, shop domain or partner id the credentials belong to',
    }),
    credentials: Type.Record(Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' }), EnvSecretSchema, {
      additionalProperties: false,
      minProperties: 1,
      description: 'keys are credential names in camelCase, such as clientId',
    }),
    pollMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 15 }),
    apiUrl: Type.Optional(
      Type.String({
        pattern: LOCAL_OR_HTTPS,
        description: "the API's base URL, when not the marketplace's production one (a sandbox)",
      }),
    ),
    authUrl: Type.Optional(
      Type.String({
        pattern: LOCAL_OR_HTTPS,
        description: 'the token endpoint, where the marketplace has its own (Amazon LWA)',
      }),
    ),
    marketplaceIds: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z0-9]{6,20}$' }), {
        minItems: 1,
        uniqueItems: true,
        description: 'Amazon: the marketplaces whose orders are pulled, such as ATVPDKIKX0DER',
      }),
    ),
    firstPullHours: Type.Integer({
      minimum: 1,
      maximum: 720,
      default: 24,
      description: 'the first pull, with no stored cursor, takes orders changed this many hours back',
    }),
  },
  { additionalProperties: false },
);

export const X12TransportSchema = TaggedUnion('type', [
  SftpTransportSchema,
  As2TransportSchema,
  FolderTransportSchema,
  HttpTransportSchema,
]);
export const MarketplaceConnectionSchema = TaggedUnion('type', [MarketplaceTransportSchema]);

export type SftpTransport = Static<typeof SftpTransportSchema>;
export type As2Transport = Static<typeof As2TransportSchema>;
export type FolderTransport = Static<typeof FolderTransportSchema>;
export type HttpTransport = Static<typeof HttpTransportSchema>;
export type MarketplaceTransport = Static<typeof MarketplaceTransportSchema>;
export type X12Transport = Static<typeof X12TransportSchema>;
