import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../src/transports/index.js';
import {
  ConnectFailure,
  ConnectionLost,
  HostKeyMismatch,
  OperationTimeout,
  type RemoteAction,
  type RemoteParty,
  toTransportError,
} from '../../../src/transports/sftp/sftp-errors.js';

const party: RemoteParty = {
  where: 'partner acme (SFTP edi@sftp.acme.example:2222)',
  username: 'edi',
  host: 'sftp.acme.example',
  port: 2222,
};
const listing: RemoteAction = { doing: 'listing inbox /out', subject: 'inbox /out' };
const uploading: RemoteAction = {
  doing: 'uploading /in/INV-1.x12.part',
  subject: 'outbox /in',
  writing: true,
};
const renaming: RemoteAction = {
  doing: 'renaming /in/INV-1.x12.part to /in/INV-1.x12',
  subject: 'outbox /in',
};

/** An error as ssh2 (and ssh2-sftp-client after it) reports a failed SFTP request. */
function sftpStatus(code: number, message = 'Failure'): Error {
  return Object.assign(new Error(message), { code });
}

function ssh(message: string, fields: { code?: string; level?: string }): Error {
  return Object.assign(new Error(message), fields);
}

function converted(error: unknown, action = listing) {
  const result = toTransportError(error, party, action);
  return { code: result.code, message: result.message };
}

describe('SFTP failures in the partner terms', () => {
  it('starts every message with the partner, the server and what we were doing', () => {
    expect(converted(sftpStatus(3, 'Permission denied')).message).toBe(
      'partner acme (SFTP edi@sftp.acme.example:2222): listing inbox /out: permission denied on inbox /out; edi needs read and write access there',
    );
  });

  it.each([
    [2, listing, 'transport-unavailable', 'inbox /out does not exist on the server'],
    [3, uploading, 'transport-refused', 'permission denied on outbox /in'],
    [
      4,
      uploading,
      'transport-unavailable',
      'the server reports a write failure (disk full or quota exceeded are the usual causes)',
    ],
    [4, renaming, 'transport-unavailable', 'the server reports a failure (Failure)'],
    [5, renaming, 'transport-refused', 'the server rejected the request as invalid'],
    [6, listing, 'transport-unavailable', 'the connection was lost'],
    [7, listing, 'transport-unavailable', 'the connection was lost'],
    [8, renaming, 'transport-refused', 'the server does not support this operation'],
    [14, uploading, 'transport-unavailable', 'disk full or quota exceeded'],
    [15, renaming, 'transport-unavailable', 'disk full or quota exceeded'],
  ] as const)('maps SFTP status %i while %s', (status, action, code, text) => {
    const result = converted(sftpStatus(status), action);
    expect(result.code).toBe(code);
    expect(result.message).toContain(`${party.where}: ${action.doing}: `);
    expect(result.message).toContain(text);
  });

  it.each([
    [
      ssh('All configured authentication methods failed', { level: 'client-authentication' }),
      'transport-refused',
      'authentication as edi was refused; check username and password/private key',
    ],
    [
      ssh('connect ECONNREFUSED 10.0.0.1:2222', { code: 'ECONNREFUSED', level: 'client-socket' }),
      'transport-unavailable',
      'sftp.acme.example:2222 refused the connection',
    ],
    [
      ssh('getaddrinfo ENOTFOUND sftp.acme.example', { code: 'ENOTFOUND', level: 'client-socket' }),
      'transport-unavailable',
      'the host name sftp.acme.example could not be resolved (DNS)',
    ],
    [
      ssh('Timed out while waiting for handshake', { level: 'client-timeout' }),
      'transport-unavailable',
      'no SSH session with sftp.acme.example:2222 within 20 s',
    ],
    [
      ssh('connect EHOSTUNREACH 10.0.0.1:2222', { code: 'EHOSTUNREACH', level: 'client-socket' }),
      'transport-unavailable',
      'sftp.acme.example:2222 is unreachable (EHOSTUNREACH)',
    ],
    [
      new Error('Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given'),
      'transport-refused',
      'the private key could not be used (Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given); check privateKey and passphrase',
    ],
    [
      new OperationTimeout(20_000),
      'transport-unavailable',
      'no SSH session with sftp.acme.example:2222 within 20 s',
    ],
    [
      new Error('Handshake failed: no matching key exchange algorithm'),
      'transport-unavailable',
      'could not connect to sftp.acme.example:2222 (Handshake failed',
    ],
  ] as const)('explains a failed connection: %s', (cause, code, text) => {
    const result = converted(new ConnectFailure(cause, 20_000));
    expect(result.code).toBe(code);
    expect(result.message).toContain(`${party.where}: listing inbox /out: ${text}`);
  });

  it('names both fingerprints when the host key is not the pinned one', () => {
    const expected = 'SHA256:07Oj91LXjKm3omc7g+Q7r3yUC2M+sRJIQYEWVVpLySo';
    const presented = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
    const result = converted(new HostKeyMismatch(expected, presented));
    expect(result.code).toBe('transport-refused');
    expect(result.message).toContain('host key changed or is not the pinned one');
    expect(result.message).toContain(`expected ${expected}, the server presented ${presented}`);
  });

  it('treats timeouts and lost sessions as worth a retry', () => {
    expect(converted(new OperationTimeout(30_000))).toEqual({
      code: 'transport-unavailable',
      message: `${party.where}: listing inbox /out: no answer within 30 s; the connection was closed and will be reopened`,
    });
    for (const lost of [
      new ConnectionLost(new Error('get: Unexpected close event')),
      new Error('No response from server'),
      ssh('read ECONNRESET', { code: 'ECONNRESET' }),
      new Error('_put: Unexpected end event'),
    ]) {
      expect(converted(lost, uploading)).toMatchObject({ code: 'transport-unavailable' });
      expect(converted(lost, uploading).message).toContain('the connection was lost');
    }
  });

  it('keeps an unknown failure retryable and its text visible, and passes transport errors through', () => {
    const odd = converted(new Error('something nobody expected'));
    expect(odd.code).toBe('transport-unavailable');
    expect(odd.message).toContain('something nobody expected');
    const already = TransportError.fileChanged('PO-1.x12 changed');
    expect(toTransportError(already, party, listing)).toBe(already);
  });
});
