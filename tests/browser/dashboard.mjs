// The managers' dashboard in a browser: a department manager's home page
// shows the figure groups in both languages (screenshots of each), every
// figure links to a list that answers, and a staff member's home has none.
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('dashboard.mjs');
const browser = await launch();
let aborted = false;

async function setLang(page, lang) {
  await page.goto(`${base}/`);
  await Promise.all([page.waitForNavigation(),
    page.locator(`form[action="/lang"] button[value="${lang}"]`).click()]);
}

try {
  const { context, page } = await signIn(browser, base, 'manager1');
  for (const lang of ['zh_CN', 'en']) {
    await check(`the manager's home shows the dashboard (${lang})`, async () => {
      await setLang(page, lang);
      await page.goto(`${base}/`);
      const groups = page.locator('#dashboard section.dash-group');
      if ((await groups.count()) < 4) throw new Error(`only ${await groups.count()} figure groups`);
      for (const id of ['dash-quotas', 'dash-visits', 'dash-complaints', 'dash-loans', 'dash-requests']) {
        if ((await page.locator(`#${id} h3`).count()) !== 1) throw new Error(`no group ${id}`);
      }
      await page.locator('#dashboard').screenshot({ path: `${outDir}/dashboard-${lang}.png` });
      await page.screenshot({ path: `${outDir}/home-manager-${lang}.png`, fullPage: true });
    });
  }
  await check('every figure links to a list that answers', async () => {
    await page.goto(`${base}/`);
    const hrefs = await page.locator('#dashboard td.figure a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    if (hrefs.length === 0) throw new Error('no figure links');
    for (const href of hrefs) {
      const resp = await page.goto(`${base}${href}`);
      if (resp.status() !== 200) throw new Error(`${href}: ${resp.status()}`);
    }
  });
  await check('a quota bar draws the share and the quota line', async () => {
    await page.goto(`${base}/`);
    const bars = page.locator('#dash-quotas svg.bar');
    if ((await bars.count()) === 0) throw new Error('no quota bar (has the scheduler counted?)');
    if ((await bars.first().locator('line').count()) !== 1) throw new Error('no quota line');
  });
  await setLang(page, 'zh_CN');
  await context.close();
  const staff = await signIn(browser, base, 'staff1');
  await check('a staff member\'s home has no dashboard', async () => {
    await staff.page.goto(`${base}/`);
    if ((await staff.page.locator('#dashboard').count()) !== 0) throw new Error('staff see a dashboard');
  });
  await staff.context.close();
} catch (err) {
  console.error(`browser test aborted: ${err && err.stack ? err.stack : err}`);
  aborted = true;
} finally {
  await browser.close();
}
finish(aborted);
