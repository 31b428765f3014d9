import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HOOK_TIMEOUT } from '../integration/orders/order-fixture.js';
import { waitFor } from '../integration/pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../integration/pipeline/sample-850.js';
import {
  launchChromium,
  openConsole,
  signInWithKey,
  expectShown,
  snap,
  startConsoleGateway,
  updateDocsScreenshot,
  type ConsoleGateway,
} from './console-harness.js';

/** The id of the focused element; a string expression, since the test itself has no DOM types. */
const focusedId = (page: Page) =>
  page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');

const FAILED_PO = 'PO-E2E-855';
const PRICE_PO = 'PO-E2E-PRICE';
/** A partner's file name is data, never markup: were it parsed as HTML, the handler would run. */
const MARKUP_NAME = '<img src=x onerror=window.injected=1>.x12';

describe('support console in Chromium', () => {
  let gateway: ConsoleGateway;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let badFile: string | undefined;

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startConsoleGateway(), launchChromium()]);
    // A real 850 through the real pipeline: its 855 fails for good on the broken outbox.
    await gateway.receive(7101, {
      poNumber: FAILED_PO,
      lines: [{ quantity: '2', price: '10.00', vendorPart: 'WID-1' }],
    });
    await gateway.outbound855(FAILED_PO, 'failed');
    // Our list price for WIDGET is 10.00: this one waits for staff.
    await gateway.receive(7102, {
      poNumber: PRICE_PO,
      lines: [{ quantity: '4', price: '9.00', vendorPart: 'WID-1' }],
    });
    await gateway.harness.order(PRICE_PO, 'on_hold');
    await gateway.receive(
      7103,
      { poNumber: 'PO-E2E-MARKUP', lines: [{ quantity: '1', price: '10.00', vendorPart: 'WID-1' }] },
      MARKUP_NAME,
    );
    [badFile] = await gateway.harness.drop('bad-count.x12', purchaseOrder850(7104, { segmentCount: 99 }));
    ({ page, problems } = await openConsole(browser, gateway.harness.api));
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await gateway?.dispose();
  }, HOOK_TIMEOUT);

  it('serves the console with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${gateway.harness.api}/console/anything/deeper`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<main id="main"');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${gateway.harness.api}/console/js/missing.js`)).status).toBe(404);
    const bare = await fetch(`${gateway.harness.api}/console`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/console/']);
  });

  it('signs in with the keyboard only: Tab to the key, type it, Enter', async () => {
    await page.locator('#login-api-key').waitFor();
    await snap(page, '01-login');
    let presses = 0;
    while ((await focusedId(page)) !== 'login-api-key' && presses < 6) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusedId(page)).toBe('login-api-key');
    await page.keyboard.type(gateway.keys.operator);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#who-name').textContent()).toBe('alice (operator)');
    await page.locator('#transmission-filters').waitFor();
    await snap(page, '02-signed-in');
  });

  it('finds the failed 855 by its PO number and shows its delivery error and segments', async () => {
    await page.locator('#filter-q').fill(FAILED_PO);
    await page.locator('#filter-status').selectOption('failed');
    await page.locator('#filter-q').press('Enter');
    await expectShown(page, '#transmission-table, #transmission-results .empty');
    const row = page.locator('#transmission-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.first().textContent()).toContain('855');
    await snap(page, '03-search');
    await row.first().locator('a').first().click();
    const lastError = page.locator('#last-error');
    await lastError.waitFor();
    expect(await lastError.textContent()).toMatch(/^✕Delivery failed: .+/);
    expect(await page.locator('h1 [data-status]').getAttribute('data-status')).toBe('failed');
    const bak = page.locator('#segments tr[data-segment-id="BAK"]');
    expect(await bak.textContent()).toContain(FAILED_PO);
    await snap(page, '04-failed-855');
  });

  it('resends it once the outbox is mended, with confirmation, and audits it under alice', async () => {
    const failed = await gateway.outbound855(FAILED_PO, 'failed');
    await page.goto(`${gateway.harness.api}/console/#/transmissions/${encodeURIComponent(failed.id)}`);
    await page.locator('#last-error').waitFor();
    await gateway.repairOutbox();
    await page.locator('#resend-button').click();
    const dialog = page.locator('dialog#confirm');
    await dialog.waitFor({ state: 'visible' });
    // Escape closes without resending.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Announced once the dialog has closed: waited for, not read at once.
    await page.waitForFunction("document.querySelector('#status')?.textContent === 'Resend cancelled.'");
    await page.locator('#resend-button').click();
    await dialog.waitFor({ state: 'visible' });
    await snap(page, '05-confirm-resend');
    await page.locator('#confirm-ok').click();
    await expect
      .poll(() => page.locator('h1 [data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    await expect.poll(() => page.locator('#last-error').count()).toBe(0);
    const resent = page.locator('#audit tbody tr', { hasText: 'transmission-resent' });
    expect(await resent.locator('.actor').textContent()).toBe('alice');
    expect((await gateway.harness.ack855(FAILED_PO)).poNumber).toBe(FAILED_PO);
    await snap(page, '06-resent');
    await updateDocsScreenshot(page);
  });

  it('marks the segment and element a diagnostic names, and goes there from the list', async () => {
    const id = await waitFor('the bad 850 to be read', async () => {
      const stored =
        badFile === undefined ? null : await gateway.harness.repositories.transmissions.get(badFile);
      return stored !== null && !['received', 'processing'].includes(stored.status) ? stored.id : undefined;
    });
    await page.goto(`${gateway.harness.api}/console/#/transmissions/${encodeURIComponent(id)}`);
    await expectShown(page, '#segments');
    const se = page.locator('#segments tr.segment-flagged[data-segment-id="SE"]');
    expect(await se.locator('mark.element-flagged').textContent()).toContain('99');
    expect(await se.locator('.diagnostic').first().textContent()).toMatch(/SE01/);
    await page.locator('#diagnostics button', { hasText: '(SE)' }).first().click();
    expect(await focusedId(page)).toBe(await se.getAttribute('id'));
    await snap(page, '07-diagnostics');
  });

  it('resolves the price exception through the form', async () => {
    await page.locator('nav a', { hasText: 'Exceptions' }).click();
    const row = page.locator('#exception-table tbody tr', { hasText: 'price-mismatch' });
    await row.waitFor();
    await row.locator('a').first().click();
    await page.locator('#resolution-form').waitFor();
    expect(await page.locator('#resolution-id').inputValue()).toBe('accept-price');
    expect(await page.locator('#resolve-lineNumber').inputValue()).toBe('1');
    await page.locator('#resolve-unitPrice').fill('10.00');
    await snap(page, '08-exception');
    await page.locator('#resolve-unitPrice').press('Enter');
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('resolved');
    expect(await page.locator('#status').textContent()).toMatch(/resolved/);
    await gateway.harness.order(PRICE_PO, 'acknowledged');
    await snap(page, '09-resolved');
  });

  it('draws the KPI charts with a table beside them', async () => {
    await page.goto(`${gateway.harness.api}/console/#/kpis?from=2025-02-24&to=2025-03-09&period=day`);
    await expectShown(page, '#kpi-results h2');
    await expect.poll(() => page.locator('svg.chart').count()).toBe(6);
    expect(await page.locator('#chart-orders .series-point').count()).toBeGreaterThan(0);
    expect(await page.locator('#kpi-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#kpi-csv').getAttribute('href')).toContain('format=csv');
    await snap(page, '10-kpis');
  });

  it('shows a file name made of markup as text', async () => {
    await page.goto(`${gateway.harness.api}/console/#/transmissions`);
    await expectShown(page, '#transmission-table');
    const link = page.locator('#transmission-table a', { hasText: MARKUP_NAME });
    expect(await link.count()).toBe(1);
    expect(await page.locator('#transmission-table img').count()).toBe(0);
    expect(await page.evaluate<unknown>('window.injected')).toBeUndefined();
  });

  it('ran without a script error or a CSP refusal', () => {
    expect(problems).toEqual([]);
  });

  it('shows a viewer no Resend button and no resolution form', async () => {
    const viewer = await openConsole(browser, gateway.harness.api);
    try {
      await viewer.page.locator('#login-api-key').waitFor();
      await signInWithKey(viewer.page, gateway.keys.viewer);
      expect(await viewer.page.locator('#who-name').textContent()).toBe('victor (viewer)');
      const sent = await gateway.outbound855(FAILED_PO, 'sent');
      await viewer.page.goto(`${gateway.harness.api}/console/#/transmissions/${sent.id}`);
      await viewer.page.locator('#refresh-button').waitFor();
      expect(await viewer.page.locator('#resend-button').count()).toBe(0);
      await snap(viewer.page, '11-viewer');
      expect(viewer.problems).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });
});
