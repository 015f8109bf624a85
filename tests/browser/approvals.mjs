// Headless Chromium test: a salesperson asks to see a colleague's card from
// the refusal page, the department manager approves it from the inbox, and
// the salesperson can then open the card.
//
//   node approvals.mjs BASE_URL OUTDIR
//
// Screenshots: OUTDIR/request-form.png, inbox.png, request-approved.png.
// Prints "N passed, N failed"; exits non-zero on failure.
import { join } from 'node:path';
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('approvals.mjs');
const stamp = Date.now().toString(36).toUpperCase();
const NAME = `审批浏览器${stamp}贸易有限公司`;
const REASON = `客户来电 ${stamp}，需要查看联系人`;
const browser = await launch();

let aborted = false;
let cardPath = null;
let requestPath = null;
try {
  const owner = await signIn(browser, base, 'staff1');
  await check('the owner registers a personal card', async () => {
    const { page } = owner;
    await page.goto(`${base}/clients/new`);
    await page.fill('input[name="name"]', NAME);
    await Promise.all([page.waitForNavigation(), page.locator('form.card-form button.primary').click()]);
    cardPath = new URL(page.url()).pathname;
    if (!/^\/clients\/\d+$/.test(cardPath)) throw new Error(`expected the new card, got ${cardPath}`);
  });
  await owner.context.close();

  const asker = await signIn(browser, base, 'staff3');
  await check('a colleague asks for access from the refusal page', async () => {
    const { page } = asker;
    const resp = await page.goto(`${base}${cardPath}`);
    if (resp.status() !== 403) throw new Error(`expected 403, got ${resp.status()}`);
    await Promise.all([page.waitForNavigation(), page.locator('a[href$="/request?kind=view"]').click()]);
    await page.fill('textarea[name="_reason"]', REASON);
    await page.screenshot({ path: join(outDir, 'request-form.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.locator('form button.primary').click()]);
    requestPath = new URL(page.url()).pathname;
    if (!/^\/requests\/\d+$/.test(requestPath)) throw new Error(`expected the request page, got ${requestPath}`);
    const status = (await page.locator('#request-status').textContent()) || '';
    if (!status.includes('待审批')) throw new Error(`status "${status.trim()}", expected pending`);
  });

  const boss = await signIn(browser, base, 'manager1');
  await check('the manager sees it in the inbox and approves it', async () => {
    const { page } = boss;
    if ((await page.locator('#inbox-count').count()) !== 1) throw new Error('no count in the navigation');
    await page.goto(`${base}/requests/inbox`);
    const row = page.locator(`a[href="${requestPath}"]`);
    if ((await row.count()) !== 1) throw new Error('the request is not in the inbox');
    if (!(await page.content()).includes(REASON)) throw new Error('the inbox does not show the reason');
    await page.screenshot({ path: join(outDir, 'inbox.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), row.click()]);
    await page.fill('textarea[name="comment"]', '同意，限今日');
    await Promise.all([page.waitForNavigation(), page.locator('#decide button[value="approve"]').click()]);
    const status = (await page.locator('#request-status').textContent()) || '';
    if (!status.includes('已批准')) throw new Error(`status "${status.trim()}", expected approved`);
    await page.screenshot({ path: join(outDir, 'request-approved.png'), fullPage: true });
  });
  await boss.context.close();

  await check('the colleague can now open the card', async () => {
    const resp = await asker.page.goto(`${base}${cardPath}`);
    if (resp.status() !== 200) throw new Error(`expected 200, got ${resp.status()}`);
    const h1 = (await asker.page.locator('h1').first().textContent()) || '';
    if (!h1.includes(NAME)) throw new Error('the card does not show its name');
  });
  await asker.context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  aborted = true;
} finally {
  await browser.close();
}
finish(aborted);
