/**
 * Code tables of a mapping, both ways. Inbound a code converts to its canonical value, or to the
 * table's `'*'` entry for any other code; outbound a canonical value converts to the first code
 * listed for it (so a table lists the preferred code first).
 */
export class CodeTables {
  private readonly reverse = new Map<string, Map<string, string>>();

  constructor(private readonly tables: Record<string, Record<string, string>>) {}

  has(name: string): boolean {
    return name in this.tables;
  }

  toCanonical(name: string, code: string): string | undefined {
    const table = this.tables[name];
    return table?.[code] ?? table?.['*'];
  }

  toX12(name: string, value: string): string | undefined {
    let map = this.reverse.get(name);
    if (!map) {
      map = new Map();
      for (const [code, canonical] of Object.entries(this.tables[name] ?? {})) {
        if (code !== '*' && !map.has(canonical)) map.set(canonical, code);
      }
      this.reverse.set(name, map);
    }
    return map.get(value);
  }
}
