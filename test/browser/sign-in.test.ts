import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../../src/http/auth-settings.js';
import { startTestProvider, type TestProvider } from '../oidc-provider.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, startHarness, type Harness } from './harness.js';

let h: Harness;
let provider: TestProvider;

beforeAll(async () => {
  h = await startHarness(catalogFiles, {
    auth: async (baseUrl) => {
      provider = await startTestProvider(`${baseUrl}/auth/callback`, {
        alice: { email: 'Alice@Example.com', name: 'Alice' },
      });
      return {
        ...DEFAULT_AUTH_SETTINGS,
        publicUrl: baseUrl,
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          scopes: 'openid email profile',
          groupsClaim: 'groups',
          adminGroups: [],
        },
      };
    },
  });
});

afterAll(async () => {
  await h?.close();
  await provider?.close();
});

describe('signing in with the company account', () => {
  it('goes through the identity provider and lands on the home page as the catalog person', async () => {
    const { page, errors } = await openPage(h.browser);
    await page.goto(`${h.baseUrl}/`);
    await page.waitForURL(`${h.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();

    // The provider's own pages: its login form, then its consent.
    await page.getByPlaceholder('Enter any login').fill('alice');
    await page.getByPlaceholder('and password').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${h.baseUrl}/`);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toBe('Alice Example');
    await shot(page, 'signed-in-oidc');

    // Her own tokens: one created, its secret shown once with a copy button.
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('New token').fill('laptop');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByTestId('issued-token').textContent()).toMatch(/pvd_[A-Za-z0-9_-]{43}/);
    await expect.poll(() => page.getByRole('table', { name: 'Your tokens' }).textContent()).toContain('laptop');
    expect(errors).toEqual([]);
  });

  it('without a provider, says how to connect one and keeps token sign-in', async () => {
    const plain = await startHarness(catalogFiles);
    try {
      const { page } = await openPage(plain.browser);
      await page.goto(`${plain.baseUrl}/sign-in`);
      await expect.poll(() => page.locator('.sign-in-card').textContent()).toContain('set PAVED_OIDC_ISSUER');
      expect(await page.getByRole('link', { name: 'Sign in with your company account' }).count()).toBe(0);
      expect(await page.getByLabel('API token').count()).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
