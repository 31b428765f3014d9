#!/usr/bin/env node
// The image's HEALTHCHECK: exits 0 only when GET /readyz on this machine answers 200 within
// TIMEOUT_MS, 1 otherwise (nothing listening, 503 while the database or Redis is down, no
// answer). Plain node:http, so the slim image needs no curl, and none of the gateway is loaded:
// Docker runs this every interval for the life of the container.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const TIMEOUT_MS = 3_000;

const port = Number(process.env.PORT || '8080');
// The API listens on every interface by default; a check from inside goes to loopback. When HOST
// names one address, only that address answers.
const configuredHost = process.env.HOST || '0.0.0.0';
const host = ['0.0.0.0', '::', 'localhost'].includes(configuredHost) ? '127.0.0.1' : configuredHost;
// With TLS_CERT_FILE the API speaks HTTPS; its certificate names the public host, not loopback,
// so it is not verified here (this check asks "does the process answer", not "is the peer genuine").
const tls = Boolean(process.env.TLS_CERT_FILE);
const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}/readyz`;

const request = (tls ? httpsRequest : httpRequest)(url, {
  method: 'GET',
  agent: false,
  timeout: TIMEOUT_MS,
  ...(tls ? { rejectUnauthorized: false } : {}),
});
const deadline = globalThis.setTimeout(
  () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)),
  TIMEOUT_MS,
);

let finished = false;
function finish(code, line) {
  if (finished) return;
  finished = true;
  globalThis.clearTimeout(deadline);
  // Docker keeps the output of the last checks: `docker inspect` shows why a container is unhealthy.
  process.stderr.write(`${line}\n`);
  process.exitCode = code;
}

request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
request.on('error', (error) => finish(1, `${url}: ${error.message}`));
request.on('response', (response) => {
  response.resume();
  response.on('end', () =>
    finish(response.statusCode === 200 ? 0 : 1, `${url}: ${String(response.statusCode)}`),
  );
});
request.end();
