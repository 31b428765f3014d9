/** A real OpenSSH server on a loopback port (see local-sshd.mjs). */
export interface LocalSshd {
  readonly port: number;
  readonly host: string;
  readonly user: string;
  /** `SHA256:...` of the server's host key, as `ssh-keygen -lf` prints it. */
  readonly hostKeyFingerprint: string;
  /** The folder holding its configuration and keys. */
  readonly dir: string;
  /** The per-connection sshd processes now running. */
  sessionPids(): number[];
  /** Kills every session's processes with SIGKILL: what a dropped connection looks like. */
  killSessions(): void;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export const SSHD: string;
export function sshdUnavailable(): string | undefined;
export function ensureLoginUser(user: string, password: string): void;
export function childrenOf(pid: number): number[];
export function idsOf(user: string): { uid: number; gid: number };
export function fingerprintOf(publicKeyFile: string): string;
export function generateKey(
  dir: string,
  name: string,
  passphrase?: string,
): Promise<{ privateKeyFile: string; publicKey: string }>;
export function startLocalSshd(options: {
  user: string;
  authorizedKeys?: string[];
  hostKeyFile?: string;
  maxSessions?: number;
}): Promise<LocalSshd>;
