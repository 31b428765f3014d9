export { GatewayError, isGatewayError } from './gateway-error.js';
