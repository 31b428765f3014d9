import { describe, expect, it } from 'vitest';
import { csvCell, KPI_COLUMNS, kpisToCsv, type KpiReport, type KpiRow } from '../../../src/kpis/index.js';

function row(overrides: Partial<KpiRow>): KpiRow {
  const empty = Object.fromEntries(KPI_COLUMNS.map((column) => [column, null])) as unknown as KpiRow;
  return { ...empty, partnerId: 'acme', periodStart: '2026-01-05T00:00:00.000Z', orders: 0, ...overrides };
}

const report = (rows: KpiRow[]): KpiReport => ({
  from: '2026-01-05T00:00:00.000Z',
  to: '2026-01-12T00:00:00.000Z',
  period: 'week',
  generatedAt: '2026-02-01T00:00:00.000Z',
  rows,
});

describe('kpisToCsv', () => {
  it('writes a header of every column, CRLF line ends, and empty cells for null', () => {
    const csv = kpisToCsv(report([row({ orders: 2, fillRate: '0.7500', cycleHours855Median: 2 })]));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(KPI_COLUMNS.join(','));
    const cells = lines[1]?.split(',') ?? [];
    expect(cells).toHaveLength(KPI_COLUMNS.length);
    expect(cells[KPI_COLUMNS.indexOf('fillRate')]).toBe('0.7500');
    expect(cells[KPI_COLUMNS.indexOf('orders')]).toBe('2');
    expect(cells[KPI_COLUMNS.indexOf('cycleHours855Median')]).toBe('2');
    expect(cells[KPI_COLUMNS.indexOf('otif')]).toBe('');
    expect(csv).not.toMatch(/[^\r]\n/);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell('plain')).toBe('plain');
    const csv = kpisToCsv(report([row({ partnerId: 'acme, "east"' })]));
    expect(csv.split('\r\n')[1]?.startsWith('"acme, ""east""",')).toBe(true);
  });

  it('guards text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(null)).toBe('');
    expect(
      kpisToCsv(report([row({ partnerId: '=cmd' })]))
        .split('\r\n')[1]
        ?.startsWith("'=cmd,"),
    ).toBe(true);
  });

  it('writes only the header when there are no rows', () => {
    expect(kpisToCsv(report([]))).toBe(`${KPI_COLUMNS.join(',')}\r\n`);
  });
});
