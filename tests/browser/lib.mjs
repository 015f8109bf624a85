// Shared pieces of the browser tests: arguments, Chromium, sign-in, checks.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const PASSWORD = 'dossier-demo';

// BASE_URL and OUTDIR from the command line (usage names the script).
export function args(script) {
  const [baseArg, outDir] = process.argv.slice(2);
  if (!baseArg || !outDir) {
    console.error(`usage: node ${script} BASE_URL OUTDIR`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  return { base: baseArg.replace(/\/+$/, ''), outDir };
}

const results = [];
// Runs one named check; a failure is reported and counted, the run goes on.
export async function check(name, fn) {
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

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh browser context signed in as user through the login form.
export async function signIn(browser, base, user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/login"] [type="submit"]').click()]);
  if (new URL(page.url()).pathname === '/login') throw new Error(`${user} could not sign in`);
  return { context, page };
}

// Prints the summary and exits non-zero on any failure (or no checks at all).
export function finish(aborted) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  if (failed || aborted || results.length === 0) process.exit(1);
}
