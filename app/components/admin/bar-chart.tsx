import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

type Dataset = { label: string; data: number[]; color: string };

/**
 * A bar chart drawn in the browser only (chart.js needs a canvas). Only the pieces a bar chart
 * uses are registered, so the bundle stays small. The canvas is an image with a label pointing to
 * the data table placed beside it, which is what screen readers and keyboards use.
 */
export function BarChart({ labels, datasets, label, horizontal = false }: { labels: string[]; datasets: Dataset[]; label: string; horizontal?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ labels, datasets, horizontal });
  useEffect(() => {
    if (!canvas.current) return;
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    const spec = JSON.parse(key) as { labels: string[]; datasets: Dataset[]; horizontal: boolean };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderRadius: 4 })),
      },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: spec.datasets.length > 1, position: 'bottom' } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } },
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
