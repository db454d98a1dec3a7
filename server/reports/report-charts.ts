import { COLOR, PAGE } from '../documents/pdf-layout';
import { CHART, niceCeiling, type ReportCanvas } from './report-canvas';

/**
 * Vector charts drawn with pdfkit's own rectangles and lines: no canvas, no image, text that stays
 * text (searchable, read back by the tests). Each takes the top y and returns the y below it.
 */

export type Series = { label: string; color: string; values: number[] };

/** Grouped vertical bars: one group per category (months), one bar per series, with a value axis. */
export function groupedBars(
  c: ReportCanvas,
  y: number,
  options: { categories: string[]; series: Series[]; height?: number; format: (n: number) => string },
): number {
  const height = options.height ?? 120;
  const axisWidth = 28;
  const left = PAGE.left + axisWidth;
  const width = PAGE.width - axisWidth;
  const top = y + 14;
  // Four whole, round steps: the top of the axis is the first multiple of the step above the data.
  const step = Math.max(1, niceCeiling(Math.max(1, ...options.series.flatMap((s) => s.values)) / 4));
  const ticks = 4;
  const max = step * ticks;
  // Legend above the plot.
  let legendX = left;
  for (const s of options.series) {
    c.rect(legendX, y + 1, 8, 8, s.color);
    c.label(s.label, legendX + 11, y + 1, 90, { size: 7.5, color: COLOR.text });
    legendX += 100;
  }
  for (let i = 0; i <= ticks; i++) {
    const value = (max / ticks) * i;
    const lineY = top + height - (height * i) / ticks;
    c.line(left, lineY, left + width, lineY, i === 0 ? COLOR.muted : COLOR.rule, i === 0 ? 0.8 : 0.4);
    c.label(options.format(value), PAGE.left, lineY - 3.5, axisWidth - 4, { align: 'end', size: 6.5 });
  }
  const groupWidth = width / options.categories.length;
  const barWidth = Math.min(14, (groupWidth * 0.7) / options.series.length);
  options.categories.forEach((category, index) => {
    const groupX = left + index * groupWidth + (groupWidth - barWidth * options.series.length) / 2;
    options.series.forEach((s, k) => {
      const value = s.values[index] ?? 0;
      const barHeight = (height * value) / max;
      c.rect(groupX + k * barWidth, top + height - barHeight, barWidth - 1, barHeight, s.color);
    });
    c.label(category, left + index * groupWidth, top + height + 3, groupWidth, { align: 'center', size: 6.5 });
  });
  return top + height + 16;
}

/** Horizontal bars, one row per item, the value written after the bar. */
export function horizontalBars(
  c: ReportCanvas,
  y: number,
  rows: Array<{ label: string; value: number; valueText: string }>,
  color: string = CHART.opened,
): number {
  const labelWidth = 170;
  const valueWidth = 40;
  const barLeft = PAGE.left + labelWidth + 6;
  const barSpace = PAGE.width - labelWidth - valueWidth - 12;
  const max = Math.max(1, ...rows.map((row) => row.value));
  let rowY = y;
  for (const row of rows) {
    c.label(row.label, PAGE.left, rowY + 1, labelWidth, { size: 8, color: COLOR.text });
    const barWidth = (barSpace * row.value) / max;
    c.rect(barLeft, rowY, Math.max(barWidth, 1), 10, color);
    c.label(row.valueText, barLeft + barWidth + 4, rowY + 1, valueWidth, { size: 8, color: COLOR.text });
    rowY += 15;
  }
  return rowY + 4;
}

/** A share as one bar split in two colours (met / missed), with its legend under it. */
export function splitBar(
  c: ReportCanvas,
  y: number,
  parts: { met: number; missed: number; metLabel: string; missedLabel: string },
): number {
  const total = parts.met + parts.missed;
  const width = PAGE.width * 0.6;
  c.rect(PAGE.left, y, width, 9, COLOR.fill);
  if (total > 0) {
    const metWidth = (width * parts.met) / total;
    c.rect(PAGE.left, y, metWidth, 9, CHART.solved);
    c.rect(PAGE.left + metWidth, y, width - metWidth, 9, CHART.missed);
  }
  c.rect(PAGE.left + width + 10, y + 1, 7, 7, CHART.solved);
  c.label(parts.metLabel, PAGE.left + width + 20, y + 1, 70, { size: 7, color: COLOR.text });
  c.rect(PAGE.left + width + 95, y + 1, 7, 7, CHART.missed);
  c.label(parts.missedLabel, PAGE.left + width + 105, y + 1, 70, { size: 7, color: COLOR.text });
  return y + 15;
}

/** Use against allowance per month: one bar of use per month, the tier drawn as a line across it. */
export function usageBars(
  c: ReportCanvas,
  y: number,
  months: Array<{ label: string; used: number; allowed: number | null; valueText: string }>,
): number {
  const height = 60;
  const width = 260;
  const max = Math.max(1, ...months.flatMap((m) => [m.used, m.allowed ?? 0])) * 1.15;
  const groupWidth = width / months.length;
  const barWidth = 26;
  c.line(PAGE.left, y + height, PAGE.left + width, y + height, COLOR.muted, 0.8);
  months.forEach((m, index) => {
    const x = PAGE.left + index * groupWidth + (groupWidth - barWidth) / 2;
    const over = m.allowed !== null && m.used > m.allowed;
    const barHeight = (height * m.used) / max;
    c.rect(x, y + height - barHeight, barWidth, barHeight, over ? CHART.missed : CHART.neutral);
    if (m.allowed !== null) {
      const allowedY = y + height - (height * m.allowed) / max;
      c.line(x - 6, allowedY, x + barWidth + 6, allowedY, CHART.allowed, 1.4);
    }
    c.label(m.valueText, PAGE.left + index * groupWidth, y + height + 3, groupWidth, { align: 'center', size: 7, color: COLOR.text });
    c.label(m.label, PAGE.left + index * groupWidth, y + height + 12, groupWidth, { align: 'center', size: 6.5 });
  });
  return y + height + 24;
}
