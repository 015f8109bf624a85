// Headless Chromium test: sign in through the login form.
//
//   node signin.mjs BASE_URL OUTDIR
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM); never downloads
// a browser. Screenshots: OUTDIR/login.png, OUTDIR/signin-home.png.
// Prints a summary line "N passed, N failed"; exits non-zero on failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseArg, outDir] = process.argv.slice(2);
if (!baseArg || !outDir) {
  console.error('usage: node signin.mjs BASE_URL OUTDIR');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const USER = process.env.DOSSIER_BROWSER_USER || 'staff1';
const PASSWORD = process.env.DOSSIER_BROWSER_PASSWORD || 'dossier-demo';
const TIMEOUT = 15000;

mkdirSync(outDir, { recursive: true });

const results = [];
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${err && err.message ? err.message.split('\n')[0] : err}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});

let exitCode = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const consoleErrors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`);
  });

  await check(`sign in as ${USER} and see the signed-in user`, async () => {
    const resp = await page.goto(`${base}/login`, { waitUntil: 'load' });
    if (!resp) throw new Error('no response for /login');
    if (resp.status() !== 200) throw new Error(`GET /login answered ${resp.status()}`);
    await page.locator('input[name="username"]').waitFor();
    await page.screenshot({ path: join(outDir, 'login.png'), fullPage: true });

    await page.fill('input[name="username"]', USER);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form[action="/login"] [type="submit"]').first().click(),
    ]);

    if (new URL(page.url()).pathname === '/login') {
      const err = await page.locator('#login-error').textContent().catch(() => null);
      throw new Error(`still on /login after submitting${err ? `: ${err.trim()}` : ''}`);
    }
    const who = page.locator('#signed-in-user');
    await who.waitFor({ state: 'visible' });
    const name = ((await who.textContent()) || '').trim();
    if (!name) throw new Error('#signed-in-user is empty');
    console.log(`       landed on ${new URL(page.url()).pathname}, signed in as "${name}"`);
    await page.screenshot({ path: join(outDir, 'signin-home.png'), fullPage: true });
  });

  await check('no console errors (JavaScript, CSP) and no HTTP errors', async () => {
    if (consoleErrors.length) throw new Error(consoleErrors.join(' | '));
  });

  await context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  exitCode = 1;
} finally {
  await browser.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
if (failed || exitCode || results.length === 0) process.exit(1);
