import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots';
import { signInAsGuest } from './signIn';

// Entity titles from catalog-info.yaml, which the catalog shows instead of names.
const hubspokeComponents = [
  'Hubspoke portal',
  '@hubspoke/backstage-plugin-hub',
  '@hubspoke/backstage-plugin-hub-backend',
  '@hubspoke/backstage-plugin-hub-common',
  '@hubspoke/backstage-plugin-hub-node',
  '@hubspoke/backstage-plugin-scaffolder-backend-module-hub',
  'Hubspoke testbed',
];

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the catalog lists the Hubspoke system and its components', async ({
  page,
}) => {
  await page.goto('/catalog?filters[kind]=system&filters[user]=all');
  await expect(
    page.getByRole('link', { name: 'Hubspoke', exact: true }),
  ).toBeVisible();
  await saveScreenshot(page, 'catalog-systems');

  await page.goto('/catalog/default/system/hubspoke');
  await expect(
    page.getByText(
      'Backstage plugins and templates that stand up and run a Kubernetes hub cluster',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Has components' }),
  ).toBeVisible();
  for (const component of hubspokeComponents) {
    await expect(
      page.getByRole('link', { name: component, exact: true }),
    ).toBeVisible();
  }
  await saveScreenshot(page, 'system-hubspoke');
});

test('the sidebar leads to the Hub page, which lists the configured clusters', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Hub', exact: true }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(
    page.getByRole('heading', { name: 'Hub', level: 1 }),
  ).toBeVisible();
  // scripts/dev.sh makes the local testbed the hub.
  await expect(page.getByText('Clusters (1)')).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Local testbed hub' }),
  ).toBeVisible();
  await saveScreenshot(page, 'hub-page');
});

test('TechDocs renders the Hubspoke documentation from docs/', async ({
  page,
}) => {
  // The first view builds the site with mkdocs, which takes a few seconds.
  await page.goto('/docs/default/system/hubspoke');
  await expect(
    page.getByText('stands up and runs a Kubernetes').first(),
  ).toBeVisible({ timeout: 90_000 });
  await saveScreenshot(page, 'techdocs-index');

  await page.goto('/docs/default/system/hubspoke/architecture/');
  await expect(
    page.getByText("Hubspoke follows Backstage's package roles").first(),
  ).toBeVisible({ timeout: 60_000 });
});
