import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

test('the app shell loads with its navigation', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectNoAxeViolations(page);
});
