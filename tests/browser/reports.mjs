// A report in a browser, in both languages: the director opens the client
// structure report; its charts are drawn (bars of non-zero width, a title),
// the quota chart has its 15 % and 30 % lines, the filter form works without
// JavaScript (a GET form), and the page has no raw language key. Screenshots
// of both languages and of the print layout.
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('reports.mjs');
const browser = await launch();
let aborted = false;
try {
  const { context, page } = await signIn(browser, base, 'director');
  for (const lang of ['zh_CN', 'en']) {
    await check(`the client structure report draws its charts (${lang})`, async () => {
      await page.goto(`${base}/reports/clients?period=year`);
      const pressed = await page.locator(`form.lang button[value="${lang}"]`).getAttribute('aria-pressed');
      if (pressed !== 'true') {
        await Promise.all([page.waitForNavigation(), page.locator(`form.lang button[value="${lang}"]`).click()]);
      }
      const bars = page.locator('#sec-by_grade svg rect.bar');
      if ((await bars.count()) === 0) throw new Error('no bars in the grade chart');
      let widest = 0;
      for (const b of await bars.all()) widest = Math.max(widest, (await b.boundingBox()).width);
      if (!(widest > 0)) throw new Error('every bar has zero width');
      if (!(await page.locator('#sec-by_grade svg > title').first().textContent())) throw new Error('no chart title');
      if ((await page.locator('#sec-quota svg line.ref').count()) !== 2) throw new Error('no quota lines');
      const text = await page.locator('main').innerText();
      const raw = text.match(/\breport\.[a-z_.]+/);
      if (raw) throw new Error(`raw key ${raw[0]}`);
      await page.screenshot({ path: `${outDir}/report-clients-${lang}.png`, fullPage: true });
    });
  }
  await check('the filter form narrows the period without JavaScript', async () => {
    await page.goto(`${base}/reports/follow-up`);
    await page.selectOption('#f-period', 'last_month');
    await page.fill('#f-from', '');
    await page.fill('#f-to', '');
    await Promise.all([page.waitForNavigation(), page.locator('form.report-filters button[type="submit"]').click()]);
    if (!page.url().includes('period=last_month')) throw new Error(`landed on ${page.url()}`);
    await page.emulateMedia({ media: 'print' });
    if (await page.locator('form.report-filters').isVisible()) throw new Error('the filters print');
    if (await page.locator('header.top').isVisible()) throw new Error('the navigation prints');
    await page.screenshot({ path: `${outDir}/report-follow-up-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
  await context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  aborted = true;
} finally {
  await browser.close();
}
finish(aborted);
