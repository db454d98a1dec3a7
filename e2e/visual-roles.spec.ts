import { expect, test, type Page } from '@playwright/test';
import { e2eBaseUrl } from './support/e2e-env';
import { loginAs } from './support/login';
import { expectNoRawText } from './support/page-checks';

// One journey per role in each of the three languages: every page of it in the chosen language and
// direction, with no raw key, code or entity; the first page of each compared with its reference
// screenshot at desktop and phone widths, so that a layout regression fails here.
//
// The references show layout, not words: texts are drawn transparent and charts masked, because
// the demo's dates, counts and charts follow today's date and what the other specs created
// (this file runs last); boxes, columns, menus and the mirrored right-to-left layout stay compared.
// After an intended change of layout: `npx playwright test e2e/visual-roles.spec.ts --update-snapshots`
// and look at the new images before committing them.

type Account = { email: string; password: string };
type Journey = { role: string; account: Account | null; pages: string[] };

const journeys: Journey[] = [
  { role: 'visitor', account: null, pages: ['/', '/services', '/faq', '/contact', '/quote'] },
  {
    role: 'client',
    account: { email: 'client@pharmacie-elamel.dz', password: 'Client-demo-2026' },
    pages: ['/', '/account', '/portal/documents'],
  },
  {
    role: 'super-client',
    account: { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' },
    pages: ['/portal/dashboard', '/portal/park/computers', '/portal/tickets', '/portal/tickets/new', '/portal/documents'],
  },
  {
    role: 'commercial',
    account: { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026' },
    pages: ['/backoffice/companies', '/backoffice', '/backoffice/quotes', '/backoffice/invoices'],
  },
  {
    role: 'admin',
    account: { email: 'admin@ytech.dz', password: 'Admin-e2e-2026' },
    pages: ['/backoffice/admin/catalog', '/backoffice/admin', '/backoffice/admin/employees', '/backoffice/admin/faq'],
  },
];

const widths = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

/** The language as its reader chooses it: the cookie for a visitor, the account's choice once logged in. */
async function useLanguage(page: Page, locale: string) {
  const res = await page.request.post('/language', { form: { locale, redirectTo: '/' }, headers: { origin: e2eBaseUrl }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  await page.context().addCookies([{ name: 'lang', value: locale, url: e2eBaseUrl }]);
}

async function expectLayoutLike(page: Page, name: string) {
  await expect(page).toHaveScreenshot(name, {
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('canvas')],
    stylePath: 'e2e/support/layout-only.css',
    // Antialiasing of box edges; a block moved by a few pixels changes more than this.
    maxDiffPixelRatio: 0.003,
  });
}

test.describe.configure({ mode: 'serial' });

for (const journey of journeys) {
  for (const locale of ['fr', 'en', 'ar'] as const) {
    test(`${journey.role} in ${locale}: every page translated, ${locale === 'ar' ? 'right to left' : 'left to right'}, layout as its references`, async ({
      page,
    }) => {
      if (journey.account) await loginAs(page, journey.account.email, journey.account.password);
      await useLanguage(page, locale);
      try {
        for (const [index, path] of journey.pages.entries()) {
          await page.setViewportSize(widths.desktop);
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expectNoRawText(page);
          if (index > 0) continue;
          await expectLayoutLike(page, `${journey.role}-${locale}-desktop.png`);
          await page.setViewportSize(widths.phone);
          await expectLayoutLike(page, `${journey.role}-${locale}-phone.png`);
        }
      } finally {
        // The other specs expect the demo accounts in French.
        if (journey.account) await useLanguage(page, 'fr');
      }
    });
  }
}
