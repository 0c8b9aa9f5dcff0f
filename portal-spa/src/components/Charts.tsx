import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { formatCredits, ucrForGeometry } from '../money';
import { formatShortDate } from '../format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Filler);

// Amounts arrive as BigInt micro-credits; they become numbers only to place points, and every
// label (tooltip, axis, the text alternative) is formatted from the exact BigInt.

function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext?.('2d');
    if (!context) return undefined; // no canvas (tests): the text alternative stays
    const chart = new Chart(context, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

const BRAND = '#4f46e5';

export interface BalancePoint {
  at: string;
  ucr: bigint;
}

/** A balance over time, oldest first, drawn as steps: a balance holds until the next transfer. */
export function BalanceChart({ points, title }: { points: BalancePoint[]; title: string }) {
  if (points.length === 0) return <p className="muted">No history yet.</p>;
  const last = points[points.length - 1];
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      labels: points.map((p) => formatShortDate(p.at)),
      datasets: [
        {
          label: 'Balance',
          data: points.map((p) => ucrForGeometry(p.ucr)),
          stepped: 'before',
          borderColor: BRAND,
          backgroundColor: 'rgba(79, 70, 229, 0.12)',
          fill: true,
          pointRadius: 3,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        tooltip: { callbacks: { label: (item) => `${formatCredits(points[item.dataIndex].ucr)} credits` } },
      },
      scales: { x: { ticks: { maxTicksLimit: 6 } }, y: { beginAtZero: true } },
    },
  };
  return (
    <ChartCanvas
      config={config}
      label={`${title}: ${points.length} points, now ${formatCredits(last.ucr)} credits`}
    />
  );
}

export interface Bar {
  label: string;
  ucr: bigint;
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: title,
          data: bars.map((b) => ucrForGeometry(b.ucr)),
          backgroundColor: bars.map((b) => (b.ucr < 0n ? '#c62828' : BRAND)),
          borderRadius: 4,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        tooltip: { callbacks: { label: (item) => `${formatCredits(bars[item.dataIndex].ucr)} credits` } },
      },
      scales: { y: { beginAtZero: true } },
    },
  };
  return (
    <ChartCanvas
      config={config}
      label={`${title}: ${bars.map((b) => `${b.label} ${formatCredits(b.ucr)}`).join(', ')}`}
    />
  );
}
