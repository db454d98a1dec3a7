import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { intlTag, localeDirection, resolveLocale } from '../../../shared/i18n/locales';
import { formatNumber } from '../../../shared/format';

export type ChartSeries = { label: string; data: number[] };
type Kind = 'bar' | 'hbar' | 'doughnut' | 'line';

const palette = ['#1f5fae', '#2f9e6e', '#e0a100', '#c2410c', '#7c3aed', '#0e7490', '#be185d', '#4b5563'];
let registered = false;
function registerControllers() {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    DoughnutController,
    ArcElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Legend,
    Tooltip,
  );
  registered = true;
}

/**
 * One dashboard chart, drawn in the browser after hydration (chart.js needs a canvas), with its
 * data as a table beside it for screen readers, keyboards and anyone who prefers numbers. Only
 * the controllers the portal uses are registered.
 */
export function PortalChart({
  id,
  title,
  heading,
  kind,
  labels,
  series,
  max,
}: {
  id: string;
  title: string;
  heading: string;
  kind: Kind;
  labels: string[];
  series: ChartSeries[];
  max?: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = resolveLocale(i18n.language);
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ kind, labels, series, max, locale });
  useEffect(() => {
    if (!canvas.current) return;
    registerControllers();
    const spec = JSON.parse(key) as { kind: Kind; labels: string[]; series: ChartSeries[]; max?: number; locale: typeof locale };
    const rtl = localeDirection(spec.locale) === 'rtl';
    // Every portal chart counts things: whole steps only, never "0,1 connexion".
    const counts = { beginAtZero: true, ticks: { precision: 0 } };
    const round = spec.kind === 'doughnut';
    const chart = new Chart(canvas.current, {
      type: spec.kind === 'hbar' ? 'bar' : spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, index) => ({
          label: s.label,
          data: s.data,
          backgroundColor: round ? spec.labels.map((_, i) => palette[i % palette.length]!) : palette[index % palette.length],
          borderColor: round ? '#fff' : palette[index % palette.length],
          tension: 0.2,
        })),
      },
      options: {
        indexAxis: spec.kind === 'hbar' ? 'y' : 'x',
        // Ticks and tooltips in the reader's number form; Arabic charts read from the right.
        locale: intlTag(spec.locale),
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: round || spec.series.length > 1, position: 'bottom', rtl }, tooltip: { rtl } },
        scales: round
          ? {}
          : spec.kind === 'hbar'
            ? { x: { ...counts, reverse: rtl, ...(spec.max ? { suggestedMax: spec.max } : {}) }, y: { position: rtl ? 'right' : 'left' } }
            : { x: { reverse: rtl }, y: { ...counts, position: rtl ? 'right' : 'left' } },
      },
    });
    return () => chart.destroy();
  }, [key]);
  const empty = series.every((s) => s.data.every((value) => value === 0)) || labels.length === 0;
  return (
    <figure className="portal-chart" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="portal-chart__title">
        {title}
      </figcaption>
      {empty ? (
        <p className="muted">{t('clientPortal.none')}</p>
      ) : (
        <>
          <div className={`portal-chart__canvas portal-chart__canvas--${kind}`}>
            <canvas ref={canvas} role="img" aria-label={title} aria-describedby={`${id}-table`} />
          </div>
          <details className="portal-chart__data">
            <summary>{t('clientPortal.tableAlternative')}</summary>
            <div className="table-scroll">
              <table className="table" id={`${id}-table`}>
                <caption className="portal-visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{heading}</th>
                    {series.map((s) => (
                      <th scope="col" key={s.label}>
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {labels.map((label, row) => (
                    <tr key={`${label}-${row}`}>
                      <th scope="row">{label}</th>
                      {series.map((s) => (
                        <td key={s.label} className="num">
                          {formatNumber(s.data[row] ?? 0, locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
