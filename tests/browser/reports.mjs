// A report in a browser, in both languages: the director opens the client
// structure report; its charts are drawn (bars of non-zero width, a title),
// the quota chart has its 15 % and 30 % lines, the period links and the filter
// form work without JavaScript (a GET form), and the page has no raw language key. Screenshots
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
  await check('the period links and the filter form work without JavaScript', async () => {
    await page.goto(`${base}/reports/follow-up`);
    await Promise.all([page.waitForNavigation(), page.locator('nav.report-periods a[href*="period=last_month"]').click()]);
    if (!page.url().includes('period=last_month')) throw new Error(`landed on ${page.url()}`);
    if ((await page.locator('nav.report-periods a[aria-current="page"]').count()) !== 1) throw new Error('no current period');
    await page.fill('#f-from', '2026-02-01');
    await page.fill('#f-to', '2026-02-15');
    await Promise.all([page.waitForNavigation(), page.locator('form.report-filters button[type="submit"]').click()]);
    if (!page.url().includes('from=2026-02-01') || !page.url().includes('to=2026-02-15')) throw new Error(`landed on ${page.url()}`);
    if ((await page.inputValue('#f-to')) !== '2026-02-15') throw new Error('the days are not kept');
    await page.emulateMedia({ media: 'print' });
    if (await page.locator('form.report-filters').isVisible()) throw new Error('the filters print');
    if (await page.locator('header.top').isVisible()) throw new Error('the navigation prints');
    if (!(await page.locator('.report-filter-print').isVisible())) throw new Error('the period does not print');
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
