export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger.js';
export { redactText } from './redact-text.js';
export { requestIdFrom } from './request-id.js';
export { httpLogger, requestLogLevel } from './http-logger.js';
export { httpMetrics, routeLabel } from './http-metrics.js';
export {
  createGatewayMetrics,
  type GatewayMetrics,
  type GatewayMetricsDeps,
  type JobOutcome,
} from './metrics.js';
export { metricsHandler } from './metrics-handler.js';
export { partnerLabel } from './partner-label.js';
export { QUEUE_STATES, type CountedQueue, type QueueState } from './queue-gauge.js';
export {
  failureOutcome,
  jobEventLine,
  jobFields,
  observeWorker,
  type JobEventLine,
  type ObservableWorker,
  type ObservedJob,
} from './job-events.js';
