import { describe, expect, it } from 'vitest';
import { storedInstant, storedInstantOrNull } from '../../../src/kpis/stored-instant.js';

describe('storedInstant', () => {
  it('reads PostgreSQL timestamptz text, libsql epoch milliseconds and dates alike', () => {
    expect(storedInstant('2026-01-05 10:00:00.123+00').toISOString()).toBe('2026-01-05T10:00:00.123Z');
    expect(storedInstant('2026-01-05 12:30:00+02:30').toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(storedInstant(1767607200000).toISOString()).toBe('2026-01-05T10:00:00.000Z');
    const at = new Date('2026-01-05T10:00:00Z');
    expect(storedInstant(at)).toBe(at);
  });

  it('refuses what is not an instant rather than yield an invalid date', () => {
    expect(() => storedInstant('not a time')).toThrow(/not a time/);
    expect(() => storedInstant(null)).toThrow(TypeError);
    expect(() => storedInstant({})).toThrow(TypeError);
  });

  it('keeps null for a nullable column', () => {
    expect(storedInstantOrNull(null)).toBeNull();
    expect(storedInstantOrNull(undefined)).toBeNull();
    expect(storedInstantOrNull(0)?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});
