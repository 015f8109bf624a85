// No page shows a language key: every page a role uses, in both languages,
// read as a person reads it (the visible text), holds no "client.f.owner_id"-like
// text from the language files' namespaces.
import { args, check, finish, launch, signIn } from './lib.mjs';

const { base, outDir } = args('keys.mjs');
// The top-level names of the language files: a visible "name.something" is a key.
const NAMESPACES = ['app', 'nav', 'form', 'flash', 'error', 'role', 'login', 'home', 'password', 'admin',
  'audit_action', 'client', 'classes', 'pool', 'request', 'delegation', 'routes', 'review', 'views', 'people',
  'unserved', 'visit', 'backup', 'complaint', 'survey', 'mail',
  'digest', 'archive', 'report'];
const KEY = new RegExp(`(^|[^A-Za-z0-9_@./-])((${NAMESPACES.join('|')})\\.[a-z0-9_]+(\\.[a-z0-9_]+)*)`, 'g');

const PAGES = {
  staff1: ['/', '/clients', '/clients/new', '/clients/pool', '/clients/import', '/blacklist', '/requests',
    '/requests/inbox', '/password', '{card}', '{card}/history', '{card}/print', '{card}/edit',
    '{card}/request?kind=grade', '{card}/request?kind=owner', '{card}/request?kind=blacklist',
    '{card}/request?kind=reassign', '/clients?owner_q=%E9%94%80%E5%94%AE', '/agenda', '/visits',
    '{card}/visits', '{card}/visits/new', '/complaints?mine=1', '{card}/complaints/new', '{card}/surveys/new',
    '/me/notifications', '{card}/archive/new', '/archive/items/1', '/archive/items/4/borrow', '/archive/volumes/1',
    '/archive/files/1/view', '/archive/labels?items=1', '/archive/labels?volume=1'],
  archivist: ['/archive/items/1', '/archive/desk?no=NO-SUCH', '/archive/placing', '/archive/register?borrower_q=%E9%99%88',
    '/archive/retention', '/archive/destruction', '/clients/1/legal-hold', '/archive/labels?box=6', '/archive/periods',
    '/archive/periods?dept=5'],
  manager1: ['/', '/clients', '/reviews', '/clients/deleted', '/clients/unserved', '/agenda?user_q=%E9%99%88%E9%9D%99', '/complaints', '/surveys',
    '/delegations', '/requests/inbox', '{card}',
    '{card}/history', '{card}/views', '{card}/views?from=2026-13-01', '/archive/out', '/archive/overdue',
    '/complaints?near=1',
    '/reports', '/reports/follow-up', '/reports/clients', '/reports/circulation', '/reports/access',
    '/reports/new-clients?period=year', '/reports/pool', '/reports/approvals', '/reports/complaints?period=year',
    '/reports/retention', '/reports/follow-up?from=2026-13-01&to=2026-01-01'],
  gm: ['/', '/archive/out', '/archive/overdue', '/complaints?near=1'],
  auditor: ['/', '/admin/views', '/admin/views?user=1', '/admin/views?user=1&kind=denied', '/admin/views?from=x',
    '/reports', '/reports/access?period=year'],
  admin: ['/admin/users', '/admin/users/new', '/admin/departments', '/admin/classes', '/admin/grades',
    '/admin/routes', '/admin/audit', '/admin/calendar', '/admin/backups', '/admin/archive', '/',
    '/admin/mail', '/admin/outbox', '/admin/outbox?state=failed', '/admin/mail/robots', '/admin/mail/sink',
    '/me/notifications'],
};

const browser = await launch();
let aborted = false;
try {
  for (const [user, paths] of Object.entries(PAGES)) {
    for (const lang of ['zh_CN', 'en']) {
      const { context, page } = await signIn(browser, base, user);
      await page.goto(`${base}/`);
      await Promise.all([page.waitForNavigation(),
        page.locator(`form[action="/lang"] button[value="${lang}"]`).click()]);
      // a card of the user's own: the first one the list links to
      await page.goto(`${base}/clients`);
      const href = await page.locator('table a[href^="/clients/"]').first().getAttribute('href').catch(() => null);
      for (const p of paths) {
        if (p.includes('{card}') && !href) continue;
        const path = p.replace('{card}', href || '');
        await check(`${user} ${lang} ${path}: no language key on the page`, async () => {
          const resp = await page.goto(`${base}${path}`);
          if (!resp || resp.status() >= 500) throw new Error(`HTTP ${resp && resp.status()}`);
          const text = await page.evaluate(() => document.body.innerText + ' ' +
            Array.from(document.querySelectorAll('[placeholder],[title],[aria-label]'))
              .map((e) => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')]
                .filter(Boolean).join(' ')).join(' '));
          // identifiers shown as such (a message kind: visit.escalation) are not keys
          const idents = await page.evaluate(() => Array.from(document.querySelectorAll('.ident'))
            .map((e) => e.innerText.trim()).filter(Boolean));
          const found = [...text.matchAll(KEY)].map((m) => m[2]).filter((k) => !idents.includes(k));
          if (found.length) throw new Error(`keys shown: ${[...new Set(found)].slice(0, 8).join(', ')}`);
        });
      }
      await context.close();
    }
  }
} catch (err) {
  console.log(`  FAIL aborted: ${err.message}`);
  aborted = true;
}
await browser.close();
finish(aborted);
