import { describe, expect, it } from 'vitest';
import { KPI_COLUMNS, kpisTable, type KpiReport, type KpiRow } from '../../../src/kpis/index.js';

const empty = Object.fromEntries(KPI_COLUMNS.map((column) => [column, null])) as unknown as KpiRow;

describe('kpisTable', () => {
  it('aligns one line per partner and period, with - for a KPI without data', () => {
    const report: KpiReport = {
      from: '2026-01-05T00:00:00.000Z',
      to: '2026-01-12T00:00:00.000Z',
      period: 'week',
      generatedAt: '2026-02-01T00:00:00.000Z',
      rows: [
        {
          ...empty,
          partnerId: 'acme',
          periodStart: '2026-01-05T00:00:00.000Z',
          orders: 3,
          fillRate: '0.7500',
        },
        { ...empty, partnerId: 'bigbox-retail', periodStart: '2026-01-05T00:00:00.000Z', orders: 12 },
      ],
    };
    const lines = kpisTable(report).trimEnd().split('\n');
    expect(lines[0]).toBe('KPIs 2026-01-05T00:00:00.000Z to 2026-01-12T00:00:00.000Z by week');
    expect(lines[1]?.startsWith('partner        period      orders')).toBe(true);
    expect(lines[2]?.startsWith('acme           2026-01-05       3')).toBe(true);
    expect(lines[2]).toContain('0.7500');
    expect(lines[3]?.startsWith('bigbox-retail  2026-01-05      12            -')).toBe(true);
  });
});
