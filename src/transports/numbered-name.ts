/**
 * The name to try on the `attempt`-th clash: `INV-1.x12`, then `INV-1-1.x12`, `INV-1-2.x12`...
 * The number goes before the extension so that partners who collect `*.x12` still collect it.
 *
 * @example
 * numberedName('INV-1.x12', 2); // 'INV-1-2.x12'
 * numberedName('README', 1); // 'README-1'
 */
export function numberedName(name: string, attempt: number): string {
  if (attempt === 0) return name;
  const dot = name.lastIndexOf('.');
  // A leading dot is part of the name, not an extension.
  if (dot <= 0) return `${name}-${attempt}`;
  return `${name.slice(0, dot)}-${attempt}${name.slice(dot)}`;
}
