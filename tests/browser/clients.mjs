// Headless Chromium test: a salesperson registers a client through the form,
// with a key person, finds it in the list by part of its Chinese name, opens
// the card, and a colleague of another department is refused it.
//
//   node clients.mjs BASE_URL OUTDIR
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM). Screenshots go
// to OUTDIR (client-new.png, client-list.png, client-card.png, client-denied.png).
// Prints "N passed, N failed"; exits non-zero on failure.
import { join } from 'node:path';
import { args, check, finish, launch, signIn as signInAs } from './lib.mjs';

const { base, outDir } = args('clients.mjs');
// a name nobody else registers: the run's time keeps repeated runs apart
const stamp = Date.now().toString(36).toUpperCase();
const NAME = `浏览器测试${stamp}精密仪器有限公司`;
const FRAGMENT = `${stamp}精密`;
const PHONE = `0571-${String(Date.now() % 100000000).padStart(8, '0')}`;
const browser = await launch();
const signIn = (user) => signInAs(browser, base, user);

let exitCode = 0;
let cardPath = null;
try {
  const { context, page } = await signIn('staff1');
  await check('register a client with a key person through the form', async () => {
    await page.goto(`${base}/clients/new`);
    await page.selectOption('select[name="card_type"]', 'dealer');
    await page.fill('input[name="name"]', NAME);
    await page.fill('input[name="short_name"]', `测试${stamp}`);
    await page.fill('input[name="phone"]', PHONE);
    await page.selectOption('select[name="lifecycle"]', 'new');
    await page.locator('input[name="person_name"]').first().fill('周经理');
    await page.locator('input[name="person_title"]').first().fill('采购总监');
    await page.screenshot({ path: join(outDir, 'client-new.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.locator('form.card-form button.primary').click()]);
    const path = new URL(page.url()).pathname;
    if (!/^\/clients\/\d+$/.test(path)) {
      const alert = await page.locator('[role=alert]').first().textContent().catch(() => '');
      throw new Error(`expected the new card, got ${path} ${alert}`);
    }
    cardPath = path;
    const h1 = (await page.locator('h1').first().textContent()) || '';
    if (!h1.includes(NAME)) throw new Error(`card heading "${h1.trim()}" lacks the name`);
    if (!(await page.locator('table.persons').textContent()).includes('周经理')) throw new Error('key person missing');
    await page.screenshot({ path: join(outDir, 'client-card.png'), fullPage: true });
  });

  await check('find it in the list by a fragment of its Chinese name', async () => {
    await page.goto(`${base}/clients`);
    await page.fill('input[name="q"]', FRAGMENT);
    await Promise.all([page.waitForNavigation(), page.locator('form.search button').click()]);
    const link = page.locator(`table.clients a[href="${cardPath}"]`);
    if ((await link.count()) !== 1) throw new Error(`no link to ${cardPath} in the search results`);
    if (((await link.textContent()) || '').trim() !== NAME) throw new Error('the result shows another name');
    await page.screenshot({ path: join(outDir, 'client-list.png'), fullPage: true });
  });
  await context.close();

  const other = await signIn('staff3');
  await check('a colleague of another department is refused the card', async () => {
    if (!cardPath) throw new Error('no card was registered');
    const resp = await other.page.goto(`${base}${cardPath}`);
    if (resp.status() !== 403) throw new Error(`expected 403, got ${resp.status()}`);
    if (((await other.page.locator('#stub-name').textContent()) || '').trim() !== NAME)
      throw new Error('the refusal page does not name the card');
    if ((await other.page.content()).includes('周经理')) throw new Error('the refusal page leaks a key person');
    await other.page.screenshot({ path: join(outDir, 'client-denied.png'), fullPage: true });
  });
  await other.context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  exitCode = 1;
} finally {
  await browser.close();
}

finish(exitCode);
