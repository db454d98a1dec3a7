import { expect, test, type Page } from '@playwright/test';
import { e2eBaseUrl } from './support/e2e-env';
import { loginAs } from './support/login';
import { expectNoRawText } from './support/page-checks';

// Arabic as a reader in Algeria meets it: the switch, right-to-left pages, translated texts on the
// main pages of each role, the choice kept with the account, and pages that fit a phone's width.
const superClient = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };
const commercial = { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026' };

test.describe.configure({ mode: 'serial' });

async function chooseLanguage(page: Page, locale: 'fr' | 'en' | 'ar') {
  await page.getByTestId(`language-${locale}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Puts a demo account back in French, as the other journeys expect. */
async function backToFrench(page: Page, who: { email: string; password: string }) {
  await loginAs(page, who.email, who.password);
  const res = await page.request.post('/language', {
    form: { locale: 'fr', redirectTo: '/' },
    headers: { origin: e2eBaseUrl },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
}

test('a visitor switches to Arabic: the page reads right to left and every text is Arabic', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'معلوماتيتكم في أيدٍ أمينة' })).toBeVisible();
  await expect(page).toHaveTitle('Y-tech — خدمات معلوماتية مُدارة');
  await expect(page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'الخدمات والأسعار' })).toBeVisible();
  // Mirrored: the brand starts on the right.
  const brand = await page.locator('.brand').boundingBox();
  expect(brand!.x).toBeGreaterThan(page.viewportSize()!.width / 2);
  await expect(page.getByRole('link', { name: 'طلب عرض سعر' }).first()).toBeVisible();
  await expectNoRawText(page);

  await page.goto('/services');
  await expect(page.getByRole('heading', { level: 1, name: 'الخدمات والأسعار' })).toBeVisible();
  await expect(page.getByText(/\d دج/).first()).toBeVisible();
  // The catalog staff write, in Arabic too (not French left on an Arabic page).
  await expect(page.getByRole('heading', { level: 2, name: 'الدعم المعلوماتي' })).toBeVisible();
  await expect(page.getByText('حل الأعطال').first()).toBeVisible();
  await expect(page.getByText('تحويل بنكي')).toBeVisible();
  await expectNoRawText(page);

  await page.goto('/faq');
  await expect(page.getByText('كيف أطلب عرض سعر؟')).toBeVisible();

  await page.goto('/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'اتصل بنا' })).toBeVisible();
  await expect(page.getByText('معلومات الاتصال')).toBeVisible();
  // The office and switchboard printed on the invoices (server/sales/documents/seller-identity.ts), not another pair.
  await expect(page.getByRole('link', { name: '+213 21 63 45 10' })).toHaveAttribute('href', 'tel:+21321634510');
  await expectNoRawText(page);

  await chooseLanguage(page, 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a super-client in Arabic: home, dashboard and tickets translated, the choice kept with the account', async ({ page, browser }) => {
  await loginAs(page, superClient.email, superClient.password);
  await page.goto('/portal');
  await chooseLanguage(page, 'ar');
  try {
    await expect(page.getByRole('heading', { level: 1, name: /^مرحبًا/ })).toBeVisible();
    await expectNoRawText(page);

    await page.goto('/portal/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'لوحة القيادة' })).toBeVisible();
    await expect(page).toHaveTitle('لوحة القيادة — Y-tech');
    await expect(page.getByTestId('card-subscription').getByText('الاشتراك')).toBeVisible();
    // Dates in words, never ISO.
    await expect(page.getByTestId('card-subscription')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expectNoRawText(page);

    await page.goto('/portal/tickets');
    await expect(page.getByRole('heading', { level: 1, name: 'تذاكري' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'تذكرة جديدة' })).toBeVisible();
    await expectNoRawText(page);

    // Another browser, no language cookie: the account remembers Arabic.
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await loginAs(other, superClient.email, superClient.password);
    await other.goto('/portal');
    await expect(other.locator('html')).toHaveAttribute('dir', 'rtl');
    await elsewhere.close();
  } finally {
    await backToFrench(page, superClient);
  }
});

test('a commercial in Arabic: the back office and its quote list are translated', async ({ page }) => {
  await loginAs(page, commercial.email, commercial.password);
  await page.goto('/backoffice');
  await chooseLanguage(page, 'ar');
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'المكتب الخلفي' })).toBeVisible();
    await expectNoRawText(page);
    await page.goto('/backoffice/quotes');
    await expect(page.getByRole('heading', { level: 1, name: 'طلبات عروض الأسعار' })).toBeVisible();
    await expect(page).toHaveTitle('طلبات عروض الأسعار — Y-tech');
    await expectNoRawText(page);
  } finally {
    await backToFrench(page, commercial);
  }
});

/** The page is not wider than the window: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements reaching past either edge: what to fix when this fails.
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const clipped = (node: Element | null): boolean =>
          !!node && node !== document.body && (getComputedStyle(node).overflowX !== 'visible' || clipped(node.parentElement));
        return box.width > 0 && box.right > width + 1 && !clipped(el.parentElement);
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)})`,
      );
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
  expect(overflow, `${path} scrolls sideways by ${overflow}px: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
}

for (const locale of ['fr', 'ar'] as const) {
  test(`at phone width (390 px) in ${locale}, a menu button, a short header and no page wider than the screen`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().addCookies([{ name: 'lang', value: locale, url: e2eBaseUrl }]);
    await page.goto('/');
    const toggle = page.getByTestId('menu-toggle');
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(844 * 0.12);
    // The header's menu (the footer's menu of the public pages stays shown).
    const menu = page.locator('#site-menu').getByRole('navigation');
    await expect(menu.getByRole('link').first()).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('link').nth(1)).toBeVisible();

    for (const path of ['/', '/services', '/faq', '/contact', '/quote', '/login', '/register']) await expectNoSidewaysScroll(page, path);
    await loginAs(page, superClient.email, superClient.password);
    for (const path of [
      '/portal',
      '/portal/dashboard',
      '/portal/tickets',
      '/portal/park/computers',
      '/portal/documents',
      '/portal/reports',
    ])
      await expectNoSidewaysScroll(page, path);
    await loginAs(page, commercial.email, commercial.password);
    for (const path of ['/backoffice', '/backoffice/quotes', '/backoffice/invoices', '/backoffice/companies'])
      await expectNoSidewaysScroll(page, path);
  });
}

test('the quote list fits a desktop window', async ({ page }) => {
  await loginAs(page, commercial.email, commercial.password);
  await expectNoSidewaysScroll(page, '/backoffice/quotes');
});
