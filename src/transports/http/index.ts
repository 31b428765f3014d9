export {
  createHttpTransport,
  type HttpTransportOptions,
  type HttpTransportSettings,
} from './http-transport.js';
