import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { intlTag, localeDirection, resolveLocale } from '../../../shared/i18n/locales';

type Dataset = { label: string; data: number[]; color: string };

/**
 * A bar chart drawn in the browser only (chart.js needs a canvas). Only the pieces a bar chart
 * uses are registered, so the bundle stays small. The canvas is an image with a label pointing to
 * the data table placed beside it, which is what screen readers and keyboards use.
 */
export function BarChart({
  labels,
  datasets,
  label,
  horizontal = false,
  counts = false,
}: {
  labels: string[];
  datasets: Dataset[];
  label: string;
  horizontal?: boolean;
  counts?: boolean;
}) {
  const { i18n } = useTranslation();
  const locale = resolveLocale(i18n.language);
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ labels, datasets, horizontal, counts, locale });
  useEffect(() => {
    if (!canvas.current) return;
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    const spec = JSON.parse(key) as { labels: string[]; datasets: Dataset[]; horizontal: boolean; counts: boolean; locale: typeof locale };
    const rtl = localeDirection(spec.locale) === 'rtl';
    // A count axis steps by whole units; amounts keep the scale chart.js picks.
    const values = { beginAtZero: true, ...(spec.counts ? { ticks: { precision: 0 } } : {}) };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderRadius: 4 })),
      },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        locale: intlTag(spec.locale),
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: spec.datasets.length > 1, position: 'bottom', rtl }, tooltip: { rtl } },
        scales: spec.horizontal
          ? { x: { ...values, reverse: rtl }, y: { position: rtl ? 'right' : 'left' } }
          : { x: { reverse: rtl }, y: { ...values, position: rtl ? 'right' : 'left' } },
      },
    });
    return () => chart.destroy();
  }, [key]);
  return (
    <div className="admin-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
