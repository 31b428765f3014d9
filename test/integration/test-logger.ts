import { createLogger, type Logger } from '../../src/observability/index.js';

/**
 * The logger of gateways started by tests: silent, so that a test run's output is the tests',
 * unless `TEST_LOG_LEVEL` asks for the gateway's lines (`TEST_LOG_LEVEL=debug npx vitest ...`).
 */
export function testLogger(): Logger {
  return createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}
