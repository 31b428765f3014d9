import { describe, expect, it } from 'vitest';
import { requestIdFrom, requestLogLevel, routeLabel } from '../../../src/observability/index.js';

describe('request log level', () => {
  it('logs health checks at debug whatever their status', () => {
    expect(requestLogLevel('/healthz', 200)).toBe('debug');
    expect(requestLogLevel('/readyz?full=1', 503)).toBe('debug');
    expect(requestLogLevel('/metrics', 200)).toBe('debug');
  });

  it('logs server errors at error, refusals at warn, the rest at info', () => {
    expect(requestLogLevel('/api/x', 500)).toBe('error');
    expect(requestLogLevel('/api/x', 200, new Error('x'))).toBe('error');
    expect(requestLogLevel('/api/x', 404)).toBe('warn');
    expect(requestLogLevel('/api/x', 201)).toBe('info');
  });
});

describe('requestIdFrom', () => {
  it('keeps a plain token and replaces anything else by a UUID', () => {
    expect(requestIdFrom('lb-7f3a:42.x_y')).toBe('lb-7f3a:42.x_y');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom('')).toMatch(uuid);
    expect(requestIdFrom('has space')).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(129))).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(128))).toBe('x'.repeat(128));
  });
});

describe('routeLabel', () => {
  it('names the matched pattern under its router, or unmatched', () => {
    expect(routeLabel({ baseUrl: '/api', route: { path: '/transmissions/:id' } })).toBe(
      '/api/transmissions/:id',
    );
    expect(routeLabel({ baseUrl: '' })).toBe('unmatched');
    expect(routeLabel({ route: { path: '/broken' } })).toBe('/broken');
  });
});
