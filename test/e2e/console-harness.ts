import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createStaffKey } from '../../src/auth/index.js';
import type { TransmissionSummary } from '../../src/store/index.js';
import { interchange850, type Order850 } from '../integration/orders/order-850.js';
import { startOrderHarness, type OrderHarness } from '../integration/orders/order-fixture.js';
import { waitFor } from '../integration/pipeline/pipeline-harness.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results/screenshots';

/** The gateway under test, whose partner's outbox is a file: every delivery to it fails for good. */
export interface ConsoleGateway {
  harness: OrderHarness;
  /** A staff API key per role, made the way an admin makes them. */
  keys: { operator: string; viewer: string };
  /** The outbound 855 answering `poNumber`, once it is in `status`. */
  outbound855(poNumber: string, status: TransmissionSummary['status']): Promise<TransmissionSummary>;
  /** Makes the outbox a folder, as the partner's operator would once told. */
  repairOutbox(): Promise<void>;
  /** Puts an 850 in the inbox (as `fileName`, default `po-<isa13>.x12`) and lets the pipeline take it. */
  receive(isa13: number, order: Order850, fileName?: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function startConsoleGateway(): Promise<ConsoleGateway> {
  const harness = await startOrderHarness({ brokenOutbox: 'file' });
  try {
    const deps = { repositories: harness.repositories };
    const operator = await createStaffKey({ role: 'operator', name: 'alice' }, 'e2e-setup', deps);
    const viewer = await createStaffKey({ role: 'viewer', name: 'victor' }, 'e2e-setup', deps);
    return {
      harness,
      keys: { operator: operator.token, viewer: viewer.token },
      async outbound855(poNumber, status) {
        return waitFor(
          `the 855 of ${poNumber} to be ${status}`,
          async () => {
            const [found] = await harness.repositories.transmissions.list({
              direction: 'outbound',
              po: poNumber,
              documentType: '855',
              limit: 1,
            });
            return found?.status === status ? found : undefined;
          },
          20_000,
        );
      },
      async repairOutbox() {
        await rm(harness.outbox, { force: true });
        await mkdir(harness.outbox);
      },
      async receive(isa13, order, fileName = `po-${isa13}.x12`) {
        await harness.drop(fileName, interchange850(isa13, order));
      },
      dispose: () => harness.dispose(),
    };
  } catch (error) {
    await harness.dispose();
    throw error;
  }
}

/** Headless Debian Chromium, without the network chatter of a desktop browser. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context on the console. Every page error and every refused script (the CSP)
 * is collected, so that a test can insist there were none.
 */
export async function openConsole(
  browser: Browser,
  api: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // An API error answer is logged by the browser as a failed load; the page shows those itself.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  const response = await page.goto(`${api}/console/`);
  if (response?.status() !== 200) {
    throw new Error(
      `GET /console/ answered ${response?.status()}: the app must mount consoleRouter() at /console`,
    );
  }
  return { context, page, problems };
}

/** Saves a screenshot of the page as `test-results/screenshots/<name>.png`. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** With UPDATE_SCREENSHOT=1, the picture of the console in the README. */
export async function updateDocsScreenshot(page: Page): Promise<void> {
  if (process.env['UPDATE_SCREENSHOT'] !== '1') return;
  await mkdir('docs/images', { recursive: true });
  await writeFile('docs/images/console.png', await page.screenshot({ fullPage: false }));
}

/**
 * Waits until `selector` shows, or fails at once with what the console said when it shows an
 * error instead (the API's message and request id), so that a failing step names its request.
 */
export async function expectShown(page: Page, selector: string, timeout = 10_000): Promise<void> {
  const alert = page.locator('#alert');
  await page.locator(`${selector}, #alert:not([hidden])`).first().waitFor({ timeout });
  if (await alert.isVisible()) {
    throw new Error(`the console showed an error instead of ${selector}: ${await alert.textContent()}`);
  }
}

/** Signs in through the API key form with the mouse-free path: focus, type, Enter. */
export async function signInWithKey(page: Page, key: string): Promise<void> {
  await page.locator('#login-api-key').fill(key);
  await page.locator('#login-api-key').press('Enter');
  await page.locator('#who-name').waitFor({ state: 'visible' });
}
