import type { TFunction } from 'i18next';
import { localeDirection, type Locale } from '../../shared/i18n/locales';
import { translator } from '../../shared/i18n/i18n';
import { formatDa, formatDate, formatDay, formatHours, formatMonth, formatNumber, formatPercent } from '../../shared/format';
import { visualOrder } from '../documents/pdf-bidi';
import { pdfSafe } from '../documents/pdf-format';
import { A4, COLOR, FONT, MARGIN, PAGE, ensureSpace, registerFonts, newPdfDocument } from '../documents/pdf-layout';
import { assetSlugs } from '../portal/asset-types';
import { CHART, ReportCanvas } from './report-canvas';
import { groupedBars, horizontalBars, splitBar, usageBars } from './report-charts';
import type { ReportFigures } from './report-figures';

const slugOf = new Map(Object.entries(assetSlugs).map(([slug, itemtype]) => [itemtype as string, slug]));

/** An item type as the portal names it ("Ordinateurs"), or GLPI's name for one it does not list. */
function itemtypeName(t: TFunction, itemtype: string): string {
  const slug = slugOf.get(itemtype);
  return slug ? t(`clientPortal.park.types.${slug}`) : itemtype;
}

function serviceName(t: TFunction, code: string): string {
  return ['support', 'management', 'full'].includes(code) ? t(`report.pdf.services.${code}`) : code;
}

/**
 * The monthly report as an A4 PDF in the reader's language (Arabic mirrored, right to left), drawn
 * from stored figures: the same figures always give the same bytes (dates inside come from them).
 */
export async function renderReportPdf(figures: ReportFigures, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const month = formatMonth(figures.month, locale);
  const computedAt = new Date(figures.computedAt);
  const pdf = await newPdfDocument({
    size: [A4.width, A4.height],
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: A4.height - PAGE.bottom },
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: {
      Title: pdfSafe(`${t('report.pdf.title')} — ${figures.companyName} — ${month}`),
      Author: 'Y-tech',
      Creator: 'Y-tech',
      Producer: 'Y-tech',
      CreationDate: computedAt,
      ModDate: computedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  registerFonts(pdf);
  const c = new ReportCanvas(pdf, localeDirection(locale));
  const count = (value: number) => formatNumber(value, locale);

  // Header
  c.text('Y-tech', PAGE.left, PAGE.top, 150, { size: 16, bold: true, color: COLOR.primary });
  c.text(t('report.pdf.title'), PAGE.left + 150, PAGE.top, PAGE.width - 150, { size: 17, bold: true, color: COLOR.primary, align: 'end' });
  let y = c.text(t('report.pdf.subtitle', { company: figures.companyName, month }), PAGE.left, PAGE.top + 24, PAGE.width, {
    size: 12,
    bold: true,
    align: 'end',
  });
  y = c.text(t('report.pdf.generatedOn', { date: formatDate(computedAt, locale) }), PAGE.left, y + 2, PAGE.width, {
    size: 8,
    color: COLOR.muted,
    align: 'end',
  });
  c.line(PAGE.left, y + 6, PAGE.right, y + 6, COLOR.primary, 1);
  y += 16;

  // Support: the month's three counts, then the year's trend.
  y = c.heading(t('report.pdf.support'), y, 190);
  const boxes: Array<[string, number]> = [
    [t('report.pdf.opened'), figures.tickets.opened],
    [t('report.pdf.solved'), figures.tickets.solved],
    [t('report.pdf.stillOpen'), figures.tickets.openAtMonthEnd],
  ];
  const boxWidth = (PAGE.width - 20) / 3;
  boxes.forEach(([label, value], index) => {
    const x = PAGE.left + index * (boxWidth + 10);
    c.rect(x, y, boxWidth, 42, COLOR.fill);
    c.text(count(value), x + 8, y + 5, boxWidth - 16, { size: 16, bold: true, color: COLOR.primary });
    c.text(label, x + 8, y + 26, boxWidth - 16, { size: 8, color: COLOR.muted });
  });
  y += 54;
  y = c.text(t('report.pdf.trend'), PAGE.left, y, PAGE.width, { size: 9, bold: true }) + 4;
  y = groupedBars(c, y, {
    categories: figures.tickets.perMonth.map((m) => formatMonth(m.month, locale)),
    series: [
      { label: t('report.pdf.opened'), color: CHART.opened, values: figures.tickets.perMonth.map((m) => m.opened) },
      { label: t('report.pdf.solved'), color: CHART.solved, values: figures.tickets.perMonth.map((m) => m.solved) },
    ],
    format: count,
  });

  // Deadlines against the contract's targets.
  y = c.heading(t('report.pdf.deadlines'), y + 6, 90);
  for (const [title, step] of [
    [t('report.pdf.timeToOwn'), figures.timeToOwn],
    [t('report.pdf.timeToResolve'), figures.timeToResolve],
  ] as const) {
    y = ensureSpace(pdf, y, 50);
    y = c.text(title, PAGE.left, y, PAGE.width, { size: 9.5, bold: true });
    y = c.text(
      step.meanHours === null
        ? t('report.pdf.noMeasure')
        : t('report.pdf.meanTime', { hours: formatHours(step.meanHours, locale), count: step.measured }),
      PAGE.left,
      y + 1,
      PAGE.width,
    );
    const judged = step.met + step.missed;
    if (judged === 0) {
      y = c.text(t('report.pdf.noTarget'), PAGE.left, y + 1, PAGE.width, { color: COLOR.muted }) + 6;
    } else {
      y = c.text(
        t('report.pdf.targetMet', {
          met: count(step.met),
          total: count(judged),
          percent: formatPercent((step.met / judged) * 100, locale),
        }),
        PAGE.left,
        y + 1,
        PAGE.width,
      );
      y =
        splitBar(c, y + 3, { met: step.met, missed: step.missed, metLabel: t('report.pdf.met'), missedLabel: t('report.pdf.missed') }) + 4;
    }
  }

  // How the clients rated the answers (older stored reports have no such figure).
  if (figures.satisfaction) {
    y = c.heading(t('report.pdf.satisfaction'), y + 4, 40);
    const { answered, averageRating, byRating } = figures.satisfaction;
    y =
      averageRating === null
        ? c.text(t('report.pdf.noSurvey'), PAGE.left, y, PAGE.width, { color: COLOR.muted }) + 6
        : horizontalBars(
            c,
            c.text(
              t('report.pdf.satisfactionMean', { rating: formatNumber(Math.round(averageRating * 10) / 10, locale), count: answered }),
              PAGE.left,
              y,
              PAGE.width,
            ) + 4,
            byRating.map((value, i) => ({ label: t('report.pdf.stars', { count: i + 1 }), value, valueText: count(value) })).reverse(),
            CHART.neutral,
          );
  }

  // What the tickets were about.
  y = c.heading(t('report.pdf.categories'), y + 4, 40);
  y =
    figures.topCategories.length === 0
      ? c.text(t('report.pdf.noTickets'), PAGE.left, y, PAGE.width, { color: COLOR.muted }) + 6
      : horizontalBars(
          c,
          y,
          figures.topCategories.map((row) => ({
            label: row.name ?? t('report.pdf.noCategory'),
            value: row.count,
            valueText: count(row.count),
          })),
        );
  y = c.heading(t('report.pdf.assets'), y + 4, 40);
  y = c.text(t('report.pdf.assetsNote'), PAGE.left, y, PAGE.width, { size: 8, color: COLOR.muted }) + 4;
  y =
    figures.topAssets.length === 0
      ? c.text(t('report.pdf.noAssets'), PAGE.left, y, PAGE.width, { color: COLOR.muted }) + 6
      : horizontalBars(
          c,
          y,
          figures.topAssets.map((row) => ({
            label: `${row.name ?? '—'} (${itemtypeName(t, row.itemtype)})`,
            value: row.count,
            valueText: count(row.count),
          })),
          CHART.neutral,
        );

  // The park's changes.
  y = c.heading(t('report.pdf.park'), y + 4, 40);
  if (figures.park.added.length === 0 && figures.park.retired.length === 0) {
    y = c.text(t('report.pdf.noChange'), PAGE.left, y, PAGE.width, { color: COLOR.muted }) + 6;
  } else {
    for (const [key, rows] of [
      ['report.pdf.added', figures.park.added],
      ['report.pdf.retired', figures.park.retired],
    ] as const) {
      if (rows.length === 0) continue;
      y = ensureSpace(pdf, y, 16);
      y =
        c.text(
          t(key, { items: rows.map((row) => `${itemtypeName(t, row.itemtype)} ${count(row.count)}`).join(' · ') }),
          PAGE.left,
          y,
          PAGE.width,
        ) + 3;
    }
  }

  // What falls due in the next 90 days.
  y = c.heading(t('report.pdf.due'), y + 4, 50);
  for (const [title, due] of [
    [t('report.pdf.warranties', { count: figures.warranties.count }), figures.warranties],
    [t('report.pdf.licences', { count: figures.licences.count }), figures.licences],
  ] as const) {
    y = ensureSpace(pdf, y, 16);
    y = c.text(title, PAGE.left, y, PAGE.width, { bold: true }) + 2;
    for (const item of due.items) {
      y = ensureSpace(pdf, y, 12);
      c.label(formatDay(item.date, locale), PAGE.left, y, 90, { size: 8, color: COLOR.text });
      c.label(`${item.name ?? '—'} (${itemtypeName(t, item.itemtype)})`, PAGE.left + 95, y, PAGE.width - 95, {
        size: 8,
        color: COLOR.text,
      });
      y += 11;
    }
    if (due.count > due.items.length)
      y = c.text(t('report.pdf.andMore', { count: due.count - due.items.length }), PAGE.left, y, PAGE.width, {
        size: 8,
        color: COLOR.muted,
      });
    y += 5;
  }

  // The plan's use, with a recommendation after three months over the tier.
  y = c.heading(t('report.pdf.plan'), y + 4, 100);
  if (figures.plan.lines.length === 0) y = c.text(t('report.pdf.noPlan'), PAGE.left, y, PAGE.width, { color: COLOR.muted }) + 6;
  for (const line of figures.plan.lines) {
    y = ensureSpace(pdf, y, 100);
    y =
      c.text(t(line.kind === 'tickets' ? 'report.pdf.planTickets' : 'report.pdf.planComputers'), PAGE.left, y, PAGE.width, { bold: true }) +
      4;
    y = usageBars(
      c,
      y,
      line.months.map((m) => ({
        label: formatMonth(m.month, locale),
        used: m.used,
        allowed: m.allowed,
        valueText:
          m.allowed === null
            ? t('report.pdf.planNoTier', { used: count(m.used) })
            : t('report.pdf.planValue', { used: count(m.used), allowed: count(m.allowed) }),
      })),
    );
    if (line.exceededEveryMonth) y = c.text(t('report.pdf.exceeded'), PAGE.left, y, PAGE.width, { bold: true, color: CHART.missed }) + 4;
  }
  for (const r of figures.plan.recommendations) {
    y = ensureSpace(pdf, y, 30);
    const service = serviceName(t, r.serviceCode);
    const advice = r.tier
      ? t('report.pdf.recommendTier', {
          max: count(r.tier.maxQty),
          service,
          price: formatDa(r.tier.monthlyPriceDa, locale),
          needed: count(r.neededQty),
        })
      : t('report.pdf.recommendCustom', { service, needed: count(r.neededQty) });
    y = c.text(advice, PAGE.left, y, PAGE.width, { size: 9.5 }) + 6;
  }

  drawFooters(pdf, t('report.pdf.footer', { company: figures.companyName, month }), (page, pages) =>
    t('report.pdf.page', { page, count: pages }),
  );
  pdf.end();
  return finished;
}

/** "Page 2 / 3" and whose report it is, under every page once all pages exist. */
function drawFooters(pdf: PDFKit.PDFDocument, footer: string, pageText: (page: number, count: number) => string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Below pdfkit's bottom margin, which would otherwise open a new page: lifted while drawing.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = PAGE.bottom + 18;
    pdf.save().moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke().restore();
    pdf
      .font(FONT.regular)
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(visualOrder(pdfSafe(`${footer} — ${pageText(i - range.start + 1, range.count)}`)), PAGE.left, y + 6, {
        width: PAGE.width,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottomMargin;
  }
}
