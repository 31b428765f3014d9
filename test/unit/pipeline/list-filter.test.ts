import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../src/errors/index.js';
import { checkActor, parseListFilter } from '../../../src/pipeline/index.js';

function refusal(run: () => unknown): { code: string; status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (isGatewayError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('parseListFilter', () => {
  it('reads status, partner and limit as typed, and leaves out what is empty', () => {
    expect(parseListFilter({ status: 'failed', partner: 'acme', limit: '20' })).toEqual({
      status: 'failed',
      partnerId: 'acme',
      limit: 20,
    });
    expect(parseListFilter({ status: '', partner: undefined, limit: '' })).toEqual({});
  });

  it.each([
    [
      { status: 'faild' },
      'status must be one of received, processing, processed, rejected, failed, sent, acknowledged, not "faild"',
    ],
    [{ limit: '0' }, 'limit must be a whole number from 1 to 1000, not "0"'],
    [{ limit: '1e3' }, 'limit must be a whole number from 1 to 1000, not "1e3"'],
    [{ limit: '1001' }, 'limit must be a whole number from 1 to 1000, not "1001"'],
  ])('refuses %j with a 400 naming the field', (text, message) => {
    expect(refusal(() => parseListFilter(text))).toEqual({ code: 'bad-request', status: 400, message });
  });
});

describe('checkActor', () => {
  it('keeps a name, trimmed, and refuses an empty or overlong one', () => {
    expect(checkActor(' alice ')).toBe('alice');
    expect(refusal(() => checkActor(''))).toMatchObject({ code: 'actor-invalid', status: 400 });
    expect(refusal(() => checkActor(undefined))).toMatchObject({ code: 'actor-invalid' });
    expect(refusal(() => checkActor('x'.repeat(129))).message).toContain('1 to 128 characters');
  });
});
