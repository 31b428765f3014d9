import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/index.js';
import { captureLines } from './capture-stream.js';

describe('createLogger', () => {
  it('writes one JSON line per event with its fields, at the level asked', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ level: 'info', destination: stream, name: 'test' });
    logger.debug('not written');
    logger.info({ transmissionId: 't-1', partnerId: 'acme' }, 'stored');
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        name: 'test',
        transmissionId: 't-1',
        partnerId: 'acme',
        msg: 'stored',
      }),
    ]);
    expect(typeof lines()[0]?.['time']).toBe('string');
  });

  it('censors the well-known secret paths', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer abc',
            cookie: 'sid=1',
            'x-api-key': 'edik_1_2',
            'x-csrf-token': 'c',
            accept: 'application/json',
          },
        },
        res: { headers: { 'set-cookie': 'sid=2' } },
        sftp: { password: 'p', passphrase: 'pp', privateKey: 'k', host: 'sftp.acme.com' },
        key: { secret: 's', token: 't', apiKey: 'a', id: 'k1' },
      },
      'request',
    );
    expect(lines()[0]).toMatchObject({
      req: {
        headers: {
          authorization: '***',
          cookie: '***',
          'x-api-key': '***',
          'x-csrf-token': '***',
          accept: 'application/json',
        },
      },
      res: { headers: { 'set-cookie': '***' } },
      sftp: { password: '***', passphrase: '***', privateKey: '***', host: 'sftp.acme.com' },
      key: { secret: '***', token: '***', apiKey: '***', id: 'k1' },
    });
  });

  it('masks secrets in messages and in the message and stack of errors', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ level: 'info', destination: stream });
    const error = new Error('connect postgres://edi:pw@db/edi: ECONNREFUSED');
    logger.error({ err: error }, 'store failed for ops@example.com');
    const line = lines()[0] as { msg: string; err: { message: string; stack: string; type: string } };
    expect(line.msg).toBe('store failed for ***@***');
    expect(line.err.message).toBe('connect postgres://edi:***@db/edi: ECONNREFUSED');
    expect(line.err.stack).toContain('postgres://edi:***@db/edi');
    expect(JSON.stringify(line)).not.toContain(':pw@');
    expect(line.err.type).toBe('Error');
  });
});
