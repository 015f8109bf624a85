// The archive desk in a browser, as a scanner works it: the GM borrows an
// ordinary demo item directly from its page; the archivist types the archive
// number into the desk's field and presses Enter (a USB scanner types the
// number and Enter), checks it out to the GM, then scans it again and takes
// it back intact.
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('archive.mjs');
const browser = await launch();
let aborted = false;
try {
  let item = null;
  let no = null;
  {
    const { context, page } = await signIn(browser, base, 'gm');
    await check('the GM borrows an ordinary item directly', async () => {
      // the demo's ordinary item: the first of staff1's first client
      await page.goto(`${base}/archive/items/1`);
      no = (await page.locator('#item-no').innerText()).trim();
      await page.locator('a[href="/archive/items/1/borrow"]').click();
      await page.fill('#f-reason', '浏览器测试：核对合同');
      await Promise.all([page.waitForNavigation(), page.locator('form button.primary').click()]);
      if (!page.url().endsWith('/archive/items/1')) throw new Error(`landed on ${page.url()}`);
      item = 1;
    });
    await context.close();
  }
  const { context, page } = await signIn(browser, base, 'archivist');
  const scan = async () => {
    await page.goto(`${base}/archive/desk`);
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (focused !== 'f-no') throw new Error(`the number field has no focus (${focused})`);
    await page.keyboard.type(no);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  };
  await check('the archivist scans the number and checks it out', async () => {
    if (!item) throw new Error('no item');
    await scan();
    await page.screenshot({ path: `${outDir}/desk-scanned.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.locator('#auths button.primary').first().click()]);
    const status = await page.locator('#desk-status').innerText();
    if (!(await page.locator('#open-line').count())) throw new Error(`not out: ${status}`);
  });
  await check('scanned again, it is taken back intact', async () => {
    await scan();
    await Promise.all([page.waitForNavigation(), page.locator('#return-form button[value="intact"]').click()]);
    if (await page.locator('#open-line').count()) throw new Error('still out');
    await page.screenshot({ path: `${outDir}/desk-returned.png`, fullPage: true });
    await page.goto(`${base}/archive/register?no=${encodeURIComponent(no)}`);
    const text = await page.locator('#loans').innerText();
    if (!text.includes('浏览器测试：核对合同')) throw new Error('not in the register');
  });
  await context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  aborted = true;
} finally {
  await browser.close();
}
finish(aborted);
