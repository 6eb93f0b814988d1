import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:7796';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.goto(base + '/sign-in');
await page.locator('input[type=password]').fill('walk-admin-token-0123456789abcdef0123');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForTimeout(1500);
for (const [name, path] of process.argv.slice(2).map((a) => a.split('='))) {
  await page.goto(base + path);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  console.log('shot', name);
}
await browser.close();
