import { Page } from '@playwright/test';
import { join } from 'node:path';

const screenshotDir = join(__dirname, '../../../test-results/screenshots');

export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}
