// Small inline-SVG charts. Amounts arrive as BigInt micro-credits; they become numbers only to
// compute pixel positions, and every label is formatted from the exact BigInt.
import { formatCredits, ucrForGeometry } from './money.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) {
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// bars: [{label, ucr}]
export function barChart(bars, { width = 560, height = 240, title = 'Balances' } = {}) {
  const pad = { top: 20, right: 16, bottom: 44, left: 16 };
  const values = bars.map((b) => ucrForGeometry(b.ucr));
  const max = Math.max(1e-6, ...values.map((v) => Math.max(v, 0)));
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const plotH = height - pad.top - pad.bottom;
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const y = (v) => pad.top + ((max - v) / span) * plotH;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' },
    s('title', {}, title));
  svg.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0),
    class: 'axis' }));
  bars.forEach((bar, i) => {
    const v = values[i];
    const x = pad.left + i * slot + slot * 0.2;
    const top = Math.min(y(v), y(0));
    const barH = Math.max(1, Math.abs(y(v) - y(0)));
    svg.append(s('rect', { x, y: top, width: slot * 0.6, height: barH, rx: 3,
      class: v < 0 ? 'bar negative' : 'bar' }, s('title', {}, `${bar.label}: `
        + `${formatCredits(bar.ucr)} credits`)));
    svg.append(s('text', { x: x + slot * 0.3, y: top - 6, class: 'value' },
      formatCredits(bar.ucr)));
    svg.append(s('text', { x: x + slot * 0.3, y: height - pad.bottom + 18, class: 'label' },
      bar.label));
  });
  return svg;
}

// points: [{at: ISO string, ucr}] oldest first, one per transaction, evenly spaced (a busy
// minute and a quiet week take the same room); drawn as steps, since a balance holds its value
// until the next transfer.
export function balanceChart(points, { width = 900, height = 240, title = 'Balance' } = {}) {
  const pad = { top: 16, right: 16, bottom: 30, left: 80 };
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' },
    s('title', {}, title));
  if (points.length === 0) {
    svg.append(s('text', { x: width / 2, y: height / 2, class: 'empty' }, 'No history yet'));
    return svg;
  }
  const values = points.map((p) => ucrForGeometry(p.ucr));
  const vMax = Math.max(0, ...values);
  const vMin = Math.min(0, ...values);
  const steps = Math.max(1, points.length - 1);
  const x = (i) => pad.left + (i / steps) * (width - pad.left - pad.right);
  const y = (v) => pad.top + ((vMax - v) / (vMax - vMin || 1)) * (height - pad.top - pad.bottom);
  let d = `M ${x(0)} ${y(values[0])}`;
  for (let i = 1; i < points.length; i++) {
    d += ` H ${x(i)} V ${y(values[i])}`;
  }
  svg.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0),
    class: 'axis' }));
  const maxIndex = values.indexOf(vMax);
  if (vMax > 0) {
    svg.append(s('text', { x: pad.left - 8, y: y(vMax) + 4, class: 'tick' },
      formatCredits(points[maxIndex].ucr)));
  }
  svg.append(s('text', { x: pad.left - 8, y: y(0) + 4, class: 'tick' }, '0'));
  svg.append(s('path', { d, class: 'line' }));
  points.forEach((p, i) => svg.append(s('circle', { cx: x(i), cy: y(values[i]), r: 4,
    class: 'dot' }, s('title', {}, `${new Date(p.at).toLocaleString('en-GB')}: `
      + `${formatCredits(p.ucr)} credits`))));
  const last = points.length - 1;
  svg.append(s('text', { x: pad.left, y: height - 8, class: 'date' },
    new Date(points[0].at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })));
  svg.append(s('text', { x: width - pad.right, y: height - 8, class: 'date end' },
    new Date(points[last].at).toLocaleString('en-GB', { dateStyle: 'medium',
      timeStyle: 'short' })));
  return svg;
}
