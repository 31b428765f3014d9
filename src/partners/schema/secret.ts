import { Type, type Static } from '@sinclair/typebox';

/**
 * Secrets never sit in a partner file: files are copied, reviewed and committed. A secret field
 * holds a reference that is read when the secret is used. The `secret` annotation tells the error
 * reporter to explain this when someone writes the value itself, and never to echo that value.
 */
const EnvName = Type.String({
  pattern: '^[A-Z_][A-Z0-9_]*$',
  description: 'an environment variable name in capitals, such as BIGBOX_SFTP_PASSWORD',
});

const FilePath = Type.String({ minLength: 1, description: 'a file path, relative to the partner file' });

export const EnvReferenceSchema = Type.Object({ env: EnvName }, { additionalProperties: false });
export const FileReferenceSchema = Type.Object({ file: FilePath }, { additionalProperties: false });

/** Passwords and API tokens: from the environment only. */
export const EnvSecretSchema = Type.Object({ env: EnvName }, { additionalProperties: false, secret: 'env' });

/** Private keys, which are multi-line and often mounted as files: from the environment or a file. */
export const EnvOrFileSecretSchema = Type.Union([EnvReferenceSchema, FileReferenceSchema], {
  secret: 'env-or-file',
});

/** A certificate is public, but still a file of its own rather than text pasted into YAML. */
export const CertificateFileSchema = Type.Object({ file: FilePath }, { additionalProperties: false });

export type EnvReference = Static<typeof EnvReferenceSchema>;
export type FileReference = Static<typeof FileReferenceSchema>;
/** Where a secret (or certificate) is read from when it is used. */
export type SecretReference = EnvReference | FileReference;
