/**
 * The support console: a static single-page application served by the gateway's own express app,
 * talking to `/api` with the staff session cookie.
 */
export { consoleRouter, CONSOLE_SECURITY_HEADERS, type ConsoleRouterOptions } from './console-router.js';
