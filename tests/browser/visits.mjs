// Visits in a browser: the owner records a visit from the card, the card's
// next visit due moves, and the agenda no longer lists the card as overdue.
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('visits.mjs');
const browser = await launch();
let aborted = false;
try {
  const { context, page } = await signIn(browser, base, 'staff1');
  let card = null;
  await check('the agenda lists an overdue card', async () => {
    await page.goto(`${base}/agenda`);
    await page.screenshot({ path: `${outDir}/agenda-before.png`, fullPage: true });
    const link = page.locator('#agenda-overdue table a[href^="/clients/"]').first();
    card = await link.getAttribute('href');
    if (!card) throw new Error('no overdue card on the agenda');
  });
  await check('the owner records a visit from the card', async () => {
    await page.goto(`${base}${card}`);
    const before = (await page.locator('.card-head dl.facts').innerText());
    await page.locator('#visits a[href$="/visits/new"]').click();
    await page.waitForURL(/\/visits\/new$/);
    await page.fill('#f-contact', '王经理');
    await page.fill('#f-summary', '浏览器测试：上门拜访，讨论续约');
    await page.check('input[name="satisfaction"][value="5"]');
    await Promise.all([page.waitForNavigation(), page.locator('form button.primary').click()]);
    if (!new URL(page.url()).pathname.startsWith(card)) throw new Error(`landed on ${page.url()}`);
    const visits = await page.locator('#visits').innerText();
    if (!visits.includes('浏览器测试：上门拜访，讨论续约')) throw new Error('the visit is not on the card');
    const after = (await page.locator('.card-head dl.facts').innerText());
    if (after === before) throw new Error('the card\'s dates did not move');
    await page.screenshot({ path: `${outDir}/card-after-visit.png`, fullPage: true });
  });
  await check('the agenda no longer lists it as overdue', async () => {
    await page.goto(`${base}/agenda`);
    if ((await page.locator(`#agenda-overdue a[href="${card}"]`).count()) !== 0) throw new Error('still overdue');
    await page.screenshot({ path: `${outDir}/agenda-after.png`, fullPage: true });
  });
  await context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  aborted = true;
} finally {
  await browser.close();
}
finish(aborted);
