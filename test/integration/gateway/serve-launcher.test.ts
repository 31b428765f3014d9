import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  makeGatewayFolders,
  randomQueuePrefix,
  removeQueueKeys,
  type GatewayFolders,
} from './gateway-process.js';

// `npx edi-gateway serve` runs the gateway under npm and a shell; a SIGTERM to npm ends npm and
// the shell but is not passed on. Here a shell stands for that launcher and is killed outright:
// the gateway, left an orphan, must notice and stop by itself instead of holding its port.
const bin = fileURLToPath(new URL('../../../bin/edi-gateway.js', import.meta.url));

let folders: GatewayFolders | undefined;
let prefix: string | undefined;

afterEach(async () => {
  if (prefix !== undefined) await removeQueueKeys(prefix);
  if (folders !== undefined) await rm(folders.root, { recursive: true, force: true });
  folders = undefined;
  prefix = undefined;
});

describe('serve started through npm', () => {
  it('stops cleanly when its launcher goes away', { timeout: 60_000 }, async () => {
    folders = await makeGatewayFolders();
    prefix = randomQueuePrefix();
    const port = await freePort();
    // `; true` keeps the shell waiting for the gateway instead of becoming it.
    const launcher = spawn('sh', ['-c', `"${process.execPath}" "${bin}" serve; true`], {
      env: {
        ...process.env,
        npm_command: 'exec',
        PORT: String(port),
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: folders.partnersDir,
        DATA_DIR: folders.dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    launcher.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    // The gateway keeps the pipe open after the shell is gone: it closes when the gateway exits.
    const gatewayGone = new Promise<void>((resolve) => launcher.stdout.once('close', () => resolve()));
    const deadline = Date.now() + 45_000;
    while (!stdout.includes('schedulers: ') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    launcher.kill('SIGKILL');
    await gatewayGone;
    expect(stdout).toContain('edi-gateway stopping (its npm launcher exited)\n');
    expect(stdout).toContain('store closed\n');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
