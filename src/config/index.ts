/** Gateway settings, read from the environment. */
export { loadConfig, type GatewayConfig } from './env.js';
