import { describe, expect, it } from 'vitest';
import { KpiError, parseKpiQuery, validateKpiQuery } from '../../../src/kpis/index.js';

function refusal(run: () => unknown): KpiError {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiError) return error;
    throw error;
  }
  throw new Error('expected a KpiError');
}

describe('parseKpiQuery', () => {
  it('reads dates as UTC midnight, the partner and the period, week by default', () => {
    expect(parseKpiQuery({ from: '2026-01-01', to: '2026-02-01', partner: 'acme' })).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
      period: 'week',
      partnerId: 'acme',
    });
    const query = parseKpiQuery({
      from: '2026-01-01T06:00:00+02:00',
      to: '2026-01-02T00:00:00Z',
      period: 'day',
    });
    expect(query.from.toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(query).not.toHaveProperty('partnerId');
  });

  it('ignores parameters given as undefined and accepts a format', () => {
    const query = parseKpiQuery({ from: '2026-01-01', to: '2026-01-08', partner: undefined, format: 'csv' });
    expect(query).toEqual({ from: new Date('2026-01-01'), to: new Date('2026-01-08'), period: 'week' });
  });

  it('refuses unknown parameters, bad periods and missing bounds with a 400', () => {
    const unknown = refusal(() => parseKpiQuery({ from: '2026-01-01', to: '2026-02-01', limit: '5' }));
    expect(unknown.code).toBe('kpi-invalid-query');
    expect(unknown.status).toBe(400);
    expect(unknown.message).toContain('limit is not a known parameter');
    expect(refusal(() => parseKpiQuery({ from: '2026-01-01', to: '2026-02-01', period: 'year' })).code).toBe(
      'kpi-invalid-query',
    );
    expect(refusal(() => parseKpiQuery({ to: '2026-02-01' })).message).toContain('from is required');
    expect(refusal(() => parseKpiQuery({ from: '01/02/2026', to: '2026-02-01' })).code).toBe(
      'kpi-invalid-query',
    );
  });

  it('refuses a date that does not exist rather than rolling it over', () => {
    const error = refusal(() => parseKpiQuery({ from: '2026-02-30', to: '2026-03-05' }));
    expect(error.code).toBe('kpi-invalid-date');
    expect(error.message).toContain("from is '2026-02-30'");
  });

  it('refuses an empty or reversed range', () => {
    expect(refusal(() => parseKpiQuery({ from: '2026-02-01', to: '2026-02-01' })).code).toBe(
      'kpi-invalid-range',
    );
    expect(refusal(() => parseKpiQuery({ from: '2026-03-01', to: '2026-02-01' })).code).toBe(
      'kpi-invalid-range',
    );
  });

  it('bounds the range by the period: 366 days of days, longer for weeks and months', () => {
    expect(parseKpiQuery({ from: '2024-01-01', to: '2025-01-01', period: 'day' }).period).toBe('day');
    const tooLong = refusal(() => parseKpiQuery({ from: '2024-01-01', to: '2025-01-03', period: 'day' }));
    expect(tooLong.code).toBe('kpi-range-too-long');
    expect(tooLong.message).toContain('at most 366 days');
    expect(parseKpiQuery({ from: '2024-01-01', to: '2025-06-01', period: 'week' }).period).toBe('week');
    expect(() =>
      validateKpiQuery({ from: new Date('2010-01-01'), to: new Date('2026-01-01'), period: 'month' }),
    ).toThrow(KpiError);
  });
});
