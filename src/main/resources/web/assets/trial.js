// The trial page comes whole from the server; this adds what the reader's visit decides: similar
// trials, and a way back to the very search the reader came from.

import { api, el, label, statusClass, statusText } from './common.js';

const SIMILAR = 6;

const $ = (id) => document.getElementById(id);
/** The id as the address writes it, still URL-encoded: it goes straight into the API's address. */
const trialId = location.pathname.slice('/trial/'.length);

function renderSimilar(hits) {
  if (hits.length === 0) return;
  $('similar-list').replaceChildren(...hits.map((h) => el('li', {},
    el('a', { href: `/trial/${encodeURIComponent(h.nctId)}` }, h.title ?? h.nctId),
    el('p', { class: 'facts' },
      h.status && el('span', { class: statusClass(h.status) }, statusText(h)),
      h.phases?.length ? el('span', {}, h.phases.map((p) => label('phase', p)).join(', ')) : null,
      h.antigens?.length ? el('span', { class: 'antigens' }, h.antigens.join(' + ')) : null))));
  $('similar').hidden = false;
}

/** "Back to search" returns to the very search the reader came from, state and all. */
function wireBackLink() {
  const from = document.referrer ? new URL(document.referrer) : null;
  if (from && from.origin === location.origin && from.pathname === '/') {
    $('back').href = from.pathname + from.search;
    $('back').addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      history.back();
    });
  }
}

function start() {
  wireBackLink();
  // a printed record shows what folds on screen: the sites of each country, the detailed description
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('#trial details:not(.sources-fold)').forEach((d) => { d.open = true; });
  });
  // the record itself comes with the page; only a trial that exists has similar ones
  if ($('similar')) api(`/api/trials/${trialId}/similar?limit=${SIMILAR}`).then(renderSimilar).catch(() => {});
}

start();
