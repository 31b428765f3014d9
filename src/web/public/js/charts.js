/* global document */
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 64 };
/** Series differ by marker shape and dash, not only by colour. */
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 5'];

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function marker(shape, x, y, className) {
  const r = 4.5;
  switch (shape) {
    case 'square':
      return s('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: className });
    case 'triangle':
      return s('polygon', {
        points: `${x},${y - r - 1} ${x - r - 1},${y + r} ${x + r + 1},${y + r}`,
        class: className,
      });
    case 'diamond':
      return s('polygon', {
        points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`,
        class: className,
      });
    case 'cross':
      return s('path', {
        d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`,
        class: `${className} cross`,
      });
    default:
      return s('circle', { cx: x, cy: y, r, class: className });
  }
}

/** A round top for the y axis: 1, 2 or 5 times a power of ten, at least `max`. */
function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((top) => top >= max);
}

/**
 * A line chart drawn as inline SVG: one line per series over the buckets, axis labels, a legend by
 * marker shape, and a `<title>` on every point. Null values leave a gap.
 *
 * `series` is `[{ name, values: (number|null)[] }]`, one value per bucket label.
 */
export function lineChart({ id, title, buckets, series, format }) {
  const values = series.flatMap((line) => line.values).filter((v) => typeof v === 'number');
  const top = niceMax(Math.max(0, ...values));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i) => MARGIN.left + (buckets.length === 1 ? plotW / 2 : (i * plotW) / (buckets.length - 1));
  const y = (v) => MARGIN.top + plotH - (v / top) * plotH;
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    class: 'chart',
    id,
  });
  svg.append(s('title', { id: `${id}-title` }, `${title}: chart; the same figures are in the table below`));
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const v = top * fraction;
    svg.append(
      s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v), class: 'grid' }),
      s('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, format(v)),
    );
  }
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  buckets.forEach((label, i) => {
    if (i % every !== 0) return;
    svg.append(
      s(
        'text',
        { x: x(i), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'axis-label' },
        label,
      ),
    );
  });
  svg.append(
    s('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotH, class: 'axis' }),
    s('line', {
      x1: MARGIN.left,
      x2: WIDTH - MARGIN.right,
      y1: MARGIN.top + plotH,
      y2: MARGIN.top + plotH,
      class: 'axis',
    }),
    s(
      'text',
      { x: MARGIN.left + plotW / 2, y: HEIGHT - 8, 'text-anchor': 'middle', class: 'axis-title' },
      'period starting',
    ),
  );
  series.forEach((line, index) => {
    const shape = MARKERS[index % MARKERS.length];
    const tone = `series series-${index % MARKERS.length}`;
    let path = '';
    let drawing = false;
    line.values.forEach((v, i) => {
      if (typeof v !== 'number') {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${x(i)},${y(v)}`;
      drawing = true;
    });
    if (path !== '')
      svg.append(
        s('path', {
          d: path,
          class: `${tone} series-line`,
          fill: 'none',
          'stroke-dasharray': DASHES[index % DASHES.length],
        }),
      );
    line.values.forEach((v, i) => {
      if (typeof v !== 'number') return;
      const point = marker(shape, x(i), y(v), `${tone} series-point`);
      point.append(s('title', {}, `${line.name}, ${buckets[i]}: ${format(v)}`));
      svg.append(point);
    });
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    series.map((line, index) => {
      const key = s(
        'svg',
        { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' },
        marker(MARKERS[index % MARKERS.length], 8, 8, `series series-${index % MARKERS.length} series-point`),
      );
      return h('li', {}, key, ` ${line.name}`);
    }),
  );
  return h('figure', { class: 'chart-figure' }, h('figcaption', { text: title }), svg, legend);
}
