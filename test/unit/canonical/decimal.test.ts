import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  decimalsEqual,
  isDecimalString,
  multiplyDecimals,
  parseX12Implied,
  parseX12Real,
  roundDecimal,
  subtractDecimals,
  toX12Implied,
} from '../../../src/canonical/index.js';

describe('parseX12Real (X12 R)', () => {
  it.each([
    ['0008', '8'],
    ['9.25', '9.25'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-143.76', '-143.76'],
    ['1.000', '1.000'],
    ['-0', '0'],
    ['-0.00', '0.00'],
    ['60.310', '60.310'],
    ['1.5E3', '1500'],
    ['25e-2', '0.25'],
  ])('%s -> %s', (raw, expected) => {
    expect(parseX12Real(raw)).toBe(expected);
  });

  it.each(['', '-', '.', '12A', '1,5', '+3', '1.2.3', ' 4'])('rejects %j', (raw) => {
    expect(parseX12Real(raw)).toBeUndefined();
  });
});

describe('parseX12Implied (X12 Nn)', () => {
  it.each([
    ['36596', 2, '365.96'],
    ['600', 2, '6.00'],
    ['5', 2, '0.05'],
    ['-5', 2, '-0.05'],
    ['0', 2, '0.00'],
    ['0008', 0, '8'],
    ['255438', 2, '2554.38'],
  ] as const)('%s with %d decimals -> %s', (raw, places, expected) => {
    expect(parseX12Implied(raw, places)).toBe(expected);
  });

  it.each(['', '10.00', '12A', '-'])('rejects %j: N types carry no decimal point', (raw) => {
    expect(parseX12Implied(raw, 2)).toBeUndefined();
  });
});

describe('decimal arithmetic', () => {
  it('adds without binary float error', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals()).toBe('0');
    expect(addDecimals('1110', '3033.8', '1384.74', '330.6', '540', '6646.8')).toBe('13045.94');
  });

  it('multiplies and subtracts exactly, beyond the 15 digits a double holds', () => {
    expect(multiplyDecimals('120', '9.25')).toBe('1110');
    expect(multiplyDecimals('12345678901234567890.12', '3')).toBe('37037036703703703670.36');
    expect(subtractDecimals('4650.41', '4408.75')).toBe('241.66');
  });

  it('compares by value, not by text', () => {
    expect(compareDecimals('1.50', '1.5')).toBe(0);
    expect(compareDecimals('-2', '1')).toBe(-1);
    expect(compareDecimals('10', '9.99')).toBe(1);
    expect(decimalsEqual('365.960', '365.96')).toBe(true);
  });

  it('rounds half up and renders implied decimals back', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('2.344', 2)).toBe('2.34');
    expect(roundDecimal('6', 2)).toBe('6.00');
    expect(toX12Implied('365.96', 2)).toBe('36596');
    expect(toX12Implied('-0.05', 2)).toBe('-5');
  });

  it('recognises canonical decimal strings only', () => {
    expect(isDecimalString('12.50')).toBe(true);
    expect(isDecimalString('-3')).toBe(true);
    expect(isDecimalString('.5')).toBe(false);
    expect(isDecimalString('1e3')).toBe(false);
  });
});
