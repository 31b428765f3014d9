import { userInfo } from 'node:os';

/**
 * The OS user name, the default actor of support commands. Its own module because every command
 * registration shows it as a default, and registering must not load the gateway's runtime.
 *
 * @example
 * program.option('--actor <name>', 'who does this, for the audit trail', osUserName());
 */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // A container user without a passwd entry has no name to look up.
    return process.env['USER'] ?? process.env['USERNAME'] ?? `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
