// Headless Chromium test: sign in through the login form.
//
//   node signin.mjs BASE_URL OUTDIR
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM); never downloads
// a browser. Screenshots: OUTDIR/login.png, OUTDIR/signin-home.png.
// Prints a summary line "N passed, N failed"; exits non-zero on failure.
import { join } from 'node:path';
import { PASSWORD as DEMO_PASSWORD, args, check, finish, launch } from './lib.mjs';

const { base, outDir } = args('signin.mjs');
const USER = process.env.DOSSIER_BROWSER_USER || 'staff1';
const PASSWORD = process.env.DOSSIER_BROWSER_PASSWORD || DEMO_PASSWORD;
const TIMEOUT = 15000;
const browser = await launch();

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

finish(exitCode);
