// Installing: the Install button follows the browser's beforeinstallprompt; iOS Safari gets a one-time hint instead;
// the first visit says once that the app is ready to work offline.
import { devices } from '@playwright/test';
import { test, expect, openApp, openInstalledApp, expectNoAxeViolations } from './fixtures';

/** What Chromium does when the app becomes installable: a cancellable event with prompt() and userChoice. */
async function offerInstall(page: import('@playwright/test').Page, outcome: 'accepted' | 'dismissed'): Promise<void> {
  await page.evaluate((outcome) => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: string }> };
    event.prompt = async () => {
      (window as unknown as { promptShown: number }).promptShown = ((window as unknown as { promptShown?: number }).promptShown ?? 0) + 1;
    };
    event.userChoice = Promise.resolve({ outcome });
    window.dispatchEvent(event);
  }, outcome);
}

test('the Install button appears when the browser offers installation, opens its dialog, and goes once installed', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('li[data-deck-id]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0);
  await page.goto('./#/settings');
  await expect(page.getByTestId('install-panel')).toContainText('has not offered to install');

  await offerInstall(page, 'accepted');
  const settingsButton = page.getByTestId('install-panel').getByRole('button', { name: 'Install Drydock' });
  await expect(settingsButton).toBeVisible();
  await page.goto('./#/');
  const offer = page.getByRole('region', { name: 'Install Drydock' });
  await expect(offer).toBeVisible();
  await expectNoAxeViolations(page);
  await offer.getByRole('button', { name: 'Install', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { promptShown?: number }).promptShown)).toBe(1);
  await expect(offer).toHaveCount(0);
  await page.goto('./#/settings');
  await expect(page.getByTestId('install-panel')).toContainText('Drydock is installed on this device.');
});

test('"Not now" hides the offer on the deck list; Settings still has the button', async ({ page }) => {
  await openApp(page);
  await offerInstall(page, 'dismissed');
  const offer = page.getByRole('region', { name: 'Install Drydock' });
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Install Drydock' }).click();
  // Dismissed in the browser's dialog: the prompt is spent, so the button goes until the browser offers again.
  await expect(page.getByRole('button', { name: 'Install Drydock' })).toHaveCount(0);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the first visit says once that Drydock is ready to work offline', async ({ page }) => {
    await openInstalledApp(page);
    const notice = page.getByTestId('offline-ready');
    await expect(notice).toContainText('Ready to work offline');
    await page.goto('./#/settings');
    await expect(page.getByTestId('offline-status')).toHaveText('yes');
    // The notice floats on the deck list only, where it covers nothing a screen keeps at its edges.
    await expect(notice).toHaveCount(0);
    await page.goto('./#/');
    await notice.getByRole('button', { name: /OK/ }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.locator('li[data-deck-id]').first()).toBeVisible();
    await expect(page.getByTestId('offline-ready')).toHaveCount(0);
  });
});

test.describe('on an iPhone', () => {
  test.use({ userAgent: devices['iPhone 15'].userAgent });

  test('Safari shows the Add to Home Screen hint once', async ({ page }) => {
    await openApp(page);
    const hint = page.getByRole('note', { name: 'Install on iPhone or iPad' });
    await expect(hint).toContainText('Add to Home Screen');
    await expectNoAxeViolations(page);
    await hint.getByRole('button', { name: 'Got it' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.locator('li[data-deck-id]').first()).toBeVisible();
    await expect(page.getByRole('note', { name: 'Install on iPhone or iPad' })).toHaveCount(0);
    await page.goto('./#/settings');
    await expect(page.getByTestId('install-panel')).toContainText('Add to Home Screen');
  });
});
