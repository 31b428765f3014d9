import type { ApiKeyView } from '../auth/index.js';

/**
 * API keys as an aligned table, one per line, with the id to give `keys revoke`. Never a secret:
 * the store does not hold one.
 *
 * @example
 * output.out(keyTable(await listApiKeys({}, actor, deps)));
 */
export function keyTable(keys: readonly ApiKeyView[]): string {
  if (keys.length === 0) return 'no API keys\n';
  const header = ['id', 'role', 'partner', 'name', 'created at', 'last used at', 'revoked at'];
  const cells = keys.map((k) => [
    k.id,
    k.role,
    k.partnerId ?? '-',
    k.name,
    timestamp(k.createdAt),
    k.lastUsedAt === null ? 'never' : timestamp(k.lastUsedAt),
    k.revokedAt === null ? '-' : timestamp(k.revokedAt),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].map((l) => `${l}\n`).join('');
}

function timestamp(at: Date): string {
  return at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}
