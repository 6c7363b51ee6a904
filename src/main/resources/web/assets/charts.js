// Two small bar charts of the current results: by antigen and by phase. Facet counts are counted as
// if their own choice were not made, so when values of a dimension are chosen only those are drawn:
// their counts are exactly the results that carry them.

import { el, inReadingOrder, label } from './common.js';

const BARS = 8;
const CHARTS = [['antigen', 'By target antigen'], ['phase', 'By phase']];

export function renderCharts(container, facets, params) {
  container.replaceChildren(...CHARTS.map(([dim, title]) => chart(dim, title, facets[dim], params.getAll(dim))).filter(Boolean));
}

function chart(dim, title, counts, selected) {
  let values = counts?.values ?? [];
  if (selected.length) values = values.filter((v) => selected.includes(v.value));
  values = inReadingOrder(dim, values.slice(0, BARS));
  if (values.length === 0) return null;
  const max = Math.max(...values.map((v) => v.count));
  return el('figure', { class: 'chart' },
    el('figcaption', {}, title),
    el('ul', { class: 'bars' }, values.map((v) => {
      const bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.width = `${Math.max(2, Math.round((v.count / max) * 100))}%`;
      return el('li', {},
        el('span', { class: 'bar-label' }, label(dim, v.value)),
        el('span', { class: 'bar-track' }, bar),
        el('span', { class: 'bar-count' }, v.count.toLocaleString('en')),
        el('span', { class: 'visually-hidden' }, ' trials'));
    })));
}
