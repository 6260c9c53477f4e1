/**
 * Takes the README's screenshots: the real server on a fresh database, the
 * built app in headless Chromium at tablet size, a few sheets typed.
 * Run: npx vite build && npx tsx scripts/screenshots.ts
 */
import { launchBrowser, startServer, tabletContext, waitForOfflineReady } from '../test/e2e/harness';
import { sampleSheets, signIn, startBatch, typeSheet, unlock } from '../test/e2e/journeys';

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    const context = await tabletContext(browser, server.url);
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const shot = (name: string) => page.screenshot({ path: `docs/${name}-${width}x${height}.png` });
    await page.goto('/');
    await shot('sign-in');
    await signIn(page);
    // The reload that hands the page to the service worker starts the app locked.
    await waitForOfflineReady(page);
    await unlock(page);
    await startBatch(page, 4);
    const sheets = sampleSheets(3, width);
    for (const [i, sheet] of sheets.entries()) {
      await typeSheet(page, i === 2 ? { ...sheet, ssid: '482193756' } : sheet);
      if (i < 2) await page.keyboard.press('Control+Enter');
    }
    await page.locator('#f-ssid').focus();
    await shot('entry');
    await page.getByRole('link', { name: 'Review batch' }).click();
    await page.getByRole('button', { name: 'Confirm all without problems' }).waitFor();
    await shot('review');
    await page.getByRole('link', { name: 'Batches', exact: true }).click();
    await page.getByRole('heading', { name: 'Batches' }).waitFor();
    await shot('batches');
    await page.getByRole('link', { name: 'Records', exact: true }).click();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await shot('records');
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
