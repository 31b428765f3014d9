import { describe, expect, it } from 'vitest';
import { isValidDate, isValidTime, toIsoDate } from '../../../src/x12/index.js';

describe('isValidDate', () => {
  it('accepts CCYYMMDD and YYMMDD dates', () => {
    for (const date of ['20240115', '19991231', '20240131', '20240430', '240115', '991231']) {
      expect(isValidDate(date), date).toBe(true);
    }
  });

  it('knows the leap years of both forms: divisible by 4, not by 100 unless by 400', () => {
    expect(isValidDate('20240229')).toBe(true);
    expect(isValidDate('20000229')).toBe(true);
    expect(isValidDate('20230229')).toBe(false);
    expect(isValidDate('19000229')).toBe(false);
    expect(isValidDate('21000229')).toBe(false);
    expect(isValidDate('20240230')).toBe(false);
    // YY below 50 is 20YY, from 50 on 19YY: 2000 and 2048 are leap, 1950 and 2049 are not.
    expect(isValidDate('000229')).toBe(true);
    expect(isValidDate('480229')).toBe(true);
    expect(isValidDate('490229')).toBe(false);
    expect(isValidDate('500229')).toBe(false);
    expect(isValidDate('960229')).toBe(true);
  });

  it('rejects month 00 and 13, day 00, and a day past the end of its month', () => {
    for (const date of [
      '20241301',
      '20240001',
      '20240100',
      '20240132',
      '20240431',
      '20240631',
      '241301',
      '240100',
    ]) {
      expect(isValidDate(date), date).toBe(false);
    }
  });

  it('rejects other lengths and anything but digits', () => {
    for (const date of [
      '',
      '2024011',
      '202401150',
      '24011',
      '2024-1-1',
      '2024011A',
      ' 240115',
      '24-1-1',
      '２０２４０１１５',
    ]) {
      expect(isValidDate(date), date).toBe(false);
    }
  });
});

describe('isValidTime', () => {
  it('accepts HHMM, HHMMSS, HHMMSSD and HHMMSSDD from 0000 to 2359', () => {
    for (const time of ['0000', '2359', '1200', '235959', '000000', '1234567', '12345678']) {
      expect(isValidTime(time), time).toBe(true);
    }
  });

  it('rejects hour 24, minute 60 and second 60', () => {
    for (const time of ['2400', '2360', '1260', '123460', '1299', '24000000']) {
      expect(isValidTime(time), time).toBe(false);
    }
  });

  it('rejects 3, 5 and 9 digits and anything but digits', () => {
    for (const time of ['', '123', '12345', '123456789', '12:3', '12A4', '-123', '1234 ']) {
      expect(isValidTime(time), time).toBe(false);
    }
  });
});

describe('toIsoDate', () => {
  it('writes CCYYMMDD as YYYY-MM-DD', () => {
    expect(toIsoDate('20240115')).toBe('2024-01-15');
    expect(toIsoDate('20000229')).toBe('2000-02-29');
  });

  it('puts YYMMDD in 2000-2049 below 50 and in 1950-1999 from 50', () => {
    expect(toIsoDate('240115')).toBe('2024-01-15');
    expect(toIsoDate('000101')).toBe('2000-01-01');
    expect(toIsoDate('491231')).toBe('2049-12-31');
    expect(toIsoDate('500101')).toBe('1950-01-01');
    expect(toIsoDate('991231')).toBe('1999-12-31');
  });

  it('gives undefined, not a guess, for a date that does not exist', () => {
    for (const date of ['20230229', '20241301', '230229', '2024011', '', 'ABCDEFGH']) {
      expect(toIsoDate(date), date).toBeUndefined();
    }
  });
});
