export { createApp, type AppOptions } from './app.js';
export { checkIntakeSettings } from './intake/intake-settings.js';
export { startServer, type ServerConfig } from './server.js';
