import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';
import { ConsoleError } from './console-error.js';

/**
 * Sent with every console response. The pages hold partners' orders and addresses, so nothing but
 * this app may run script in them, frame them or learn where they were opened from.
 */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Revalidate every time: an operator must never run yesterday's script against today's API.
  'Cache-Control': 'no-cache',
};

export interface ConsoleRouterOptions {
  /** Where the pages and scripts are. Default: `public/` beside this module (src/ or dist/). */
  publicDir?: string;
}

/**
 * Serves the console's files under the path it is mounted at, with a strict Content-Security-Policy.
 * A path without a file extension that names no file answers `index.html`, so that a reload on any
 * page of the console works; a missing asset (`.js`, `.css`...) is a plain 404, never HTML that the
 * browser would refuse as a script.
 *
 * @example
 * app.use('/console', consoleRouter());
 * app.get('/', (_req, res) => res.redirect('/console/'));
 */
export function consoleRouter(options: ConsoleRouterOptions = {}): Router {
  const publicDir = options.publicDir ?? fileURLToPath(new URL('./public/', import.meta.url));
  if (!existsSync(publicDir)) {
    throw ConsoleError.assetsMissing(publicDir);
  }
  const router = Router();
  router.use((req, res, next) => {
    res.set(CONSOLE_SECURITY_HEADERS);
    // Relative asset URLs in index.html resolve against the slash-terminated mount path.
    const path = req.originalUrl.split('?')[0] ?? '';
    if (req.path === '/' && !path.endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    next();
  });
  router.use(express.static(publicDir, { index: 'index.html', redirect: false, fallthrough: true }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (extname(req.path) !== '') {
      notFound(res);
      return;
    }
    res.sendFile('index.html', { root: publicDir });
  });
  return router;
}

function notFound(res: Response): void {
  res.status(404).type('text/plain').send('not found');
}
