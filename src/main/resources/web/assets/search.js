// The search page. Its whole state is the URL's query string, in the API's own parameter names,
// so a search can be bookmarked and shared, and Back and Forward replay it.

import { attachAutocomplete } from './autocomplete.js';
import {
  DIMENSIONS, DIMENSION_HINTS, EXPORT_PARAMETERS, SEARCH_PARAMETERS, ageRange, api, el, inReadingOrder, label, marked, registryUrl, statusClass, statusText,
} from './common.js';
import { renderCharts } from './charts.js';

const PAGE_SIZE = 10;
const MAX_PAGE = 10000 / PAGE_SIZE; // the API's paging limit
const FACET_ROWS = 8;
/** Snippet fields in the order people read them: the criteria first. */
const SNIPPET_FIELDS = [
  ['inclusion', 'Inclusion'], ['exclusion', 'Exclusion'], ['criteria', 'Criteria'], ['condition', 'Conditions'],
  ['intervention', 'Interventions'], ['summary', 'Summary'], ['keyword', 'Keywords'], ['sponsor', 'Sponsor'], ['id', 'Ids'],
];
const SNIPPETS_SHOWN = 3;
/** What picking a suggestion of each kind does: a facet filter, or a fielded query. */
const PICK_AS_FILTER = { antigen: 'antigen', country: 'country', condition: 'condition' };
const PICK_AS_FIELD = { intervention: 'intervention', product: 'intervention', sponsor: 'sponsor', title: 'title' };

const $ = (id) => document.getElementById(id);
const expandedFacets = new Set();
let loading = null;
let shown = null;

/** The search the page's address holds, in the API's parameters; others (a campaign tag, say) stay out of the API's way. */
function state() {
  const params = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(location.search)) if (SEARCH_PARAMETERS.includes(name)) params.append(name, value);
  return params;
}

/** Moves to a new state: a new history entry, then the search it describes. */
function go(params, { keepPage = false } = {}) {
  if (!keepPage) params.delete('page');
  for (const [name, value] of [...params]) if (value === '') params.delete(name);
  const query = params.toString();
  history.pushState(null, '', query ? `/?${query}` : '/');
  load({ scrollTop: keepPage });
}

function withFilter(dim, value, on) {
  const params = state();
  const values = params.getAll(dim).filter((v) => v !== value);
  if (on) values.push(value);
  params.delete(dim);
  values.forEach((v) => params.append(dim, v));
  return params;
}

async function load({ scrollTop = false } = {}) {
  const params = state();
  showForm(params);
  loading?.abort();
  loading = new AbortController();
  const request = new URLSearchParams(params);
  request.set('size', String(PAGE_SIZE));
  if (!request.has('sort')) request.set('sort', defaultSort(params));
  $('results').setAttribute('aria-busy', 'true');
  try {
    const answer = await api(`/api/search?${request}`, loading.signal);
    show(answer, params);
    $('error').hidden = true;
  } catch (e) {
    if (e.name === 'AbortError') return;
    showError(e);
  } finally {
    $('results').removeAttribute('aria-busy');
  }
  if (scrollTop) $('results').scrollIntoView({ block: 'start' });
}

/** Words rank by relevance; a search without words shows the trials a patient can join first. */
function defaultSort(params) {
  return params.get('q') ? 'relevance' : 'recruiting';
}

function showForm(params) {
  $('q').value = params.get('q') ?? '';
  $('age').value = params.get('age') ?? '';
  $('sort').value = params.get('sort') ?? defaultSort(params);
  $('intro').hidden = [...params.keys()].length > 0;
  const q = params.get('q');
  document.title = `${q ? `${q} · ` : ''}Clinical trials · trialsearch`;
}

function showError(error) {
  $('error').textContent = `This search could not run: ${error.message}`;
  $('error').hidden = false;
  $('result-count').textContent = '';
  $('hits').replaceChildren();
  $('pager').replaceChildren();
  $('charts').replaceChildren();
}

function show(answer, params) {
  shown = { answer, params };
  const focused = document.activeElement?.id;
  $('result-count').textContent = countText(answer);
  showNotice(answer, params);
  showDidYouMean(answer.didYouMean, params);
  showCriteriaCoverage(answer.criteriaCoverage);
  showWaysOut(answer.waysOut, params);
  showSelection(params);
  $('facets').replaceChildren(...DIMENSIONS.map(([dim, name]) => facet(dim, name, answer.facets[dim], params)).filter(Boolean));
  renderCharts($('charts'), answer.facets, params);
  $('hits').replaceChildren(...answer.hits.map(hit));
  $('hits').start = (answer.page - 1) * answer.size + 1;
  showPager(answer, params);
  const csv = new URLSearchParams();
  for (const [name, value] of params) if (EXPORT_PARAMETERS.includes(name)) csv.append(name, value);
  $('csv-link').href = `/api/search.csv${csv.size ? `?${csv}` : ''}`;
  if (focused) document.getElementById(focused)?.focus();
}

function countText(answer) {
  const n = answer.total.toLocaleString('en');
  if (answer.total === 0) return 'No trials found';
  const first = (answer.page - 1) * answer.size + 1;
  const last = Math.min(answer.total, first + answer.hits.length - 1);
  return answer.total === 1 ? '1 trial' : `${n} trials · showing ${first}–${last}`;
}

/** Why the list is not every trial with every word: relaxed to most words, or trials that name them only in passing left out. */
function showNotice(answer, params) {
  const box = $('relaxed');
  box.hidden = !answer.notice;
  if (!answer.passingLeftOut) {
    box.textContent = answer.notice ?? '';
    return;
  }
  const all = new URLSearchParams(params);
  all.set('passing', 'true');
  all.delete('page');
  all.delete('cursor');
  const n = answer.passingLeftOut.toLocaleString('en');
  box.replaceChildren(`${n} more ${answer.passingLeftOut === 1 ? 'trial names' : 'trials name'} these words only in passing, in the summary or exclusion criteria. `,
    link(`/?${all}`, answer.passingLeftOut === 1 ? 'Show it' : 'Show them', all));
}

function showDidYouMean(suggestion, params) {
  const box = $('did-you-mean');
  if (!suggestion) {
    box.hidden = true;
    return;
  }
  const corrected = new URLSearchParams(params);
  corrected.set('q', suggestion.query);
  corrected.delete('page');
  box.replaceChildren('Did you mean ', link(`/?${corrected}`, el('strong', {}, suggestion.query), corrected),
    ` (${suggestion.total.toLocaleString('en')} ${suggestion.total === 1 ? 'trial' : 'trials'})?`);
  box.hidden = false;
}

/** Says when a criteria search cannot match the trials the filters keep: most sources carry no criteria text. */
function showCriteriaCoverage(coverage) {
  const box = $('criteria-coverage');
  box.hidden = !coverage || coverage.withCriteria === coverage.trials;
  if (box.hidden) return;
  const trials = `${coverage.trials.toLocaleString('en')} ${coverage.trials === 1 ? 'trial' : 'trials'} your filters keep`;
  box.textContent = coverage.withCriteria === 0
    ? `None of the ${trials} has eligibility criteria text in these sources, so a criteria search (inclusion:, exclusion:) cannot match them. Their registry pages may list criteria.`
    : `Only ${coverage.withCriteria.toLocaleString('en')} of the ${trials} have eligibility criteria text in these sources; a criteria search (inclusion:, exclusion:) can only match those.`;
}

const WAY_NAMES = Object.fromEntries(DIMENSIONS);

/** For a search that finds nothing: each part that could be dropped, with how many trials the search then finds. */
function showWaysOut(ways, params) {
  const box = $('ways-out');
  box.hidden = !ways?.length;
  if (box.hidden) return;
  box.replaceChildren(el('p', {}, 'Nothing matches all of this. Without one part:'), el('ul', {}, ways.map((way) => {
    const without = new URLSearchParams(params);
    without.delete('page');
    without.delete('cursor');
    let what;
    if (way.drop === 'q') {
      without.delete('q');
      what = `without the words “${way.values[0]}”`;
    } else if (way.drop === 'age') {
      without.delete('age');
      what = `without the patient age ${way.values[0].replace(/\.0$/, '')}`;
    } else if (way.drop === 'dates') {
      ['start_from', 'start_to', 'updated_since'].forEach((name) => without.delete(name));
      what = 'without the dates';
    } else {
      without.delete(way.drop);
      const name = WAY_NAMES[way.drop] ?? way.drop;
      what = `without ${name.charAt(0).toLowerCase()}${name.slice(1)}: ${way.values.map((v) => label(way.drop, v)).join(' or ')}`;
    }
    const n = `${way.total.toLocaleString('en')} ${way.total === 1 ? 'trial' : 'trials'}`;
    return el('li', {}, link(`/?${without}`, what, without), ` · ${n}`);
  })));
}

/** A link that moves within the page's history instead of reloading it. */
function link(href, content, params, options) {
  return el('a', {
    href,
    onclick: (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go(new URLSearchParams(params), options);
    },
  }, content);
}

function showSelection(params) {
  const chosen = DIMENSIONS.reduce((n, [dim]) => n + params.getAll(dim).length, params.get('age') ? 1 : 0);
  $('filters-toggle').textContent = chosen ? `Filters (${chosen})` : 'Filters';
  const chips = [];
  for (const [dim, name] of DIMENSIONS) {
    for (const value of params.getAll(dim)) {
      chips.push(el('button', {
        type: 'button', class: 'chip', 'aria-label': `Remove ${name}: ${label(dim, value)}`,
        onclick: () => go(withFilter(dim, value, false)),
      }, `${label(dim, value)} ×`));
    }
  }
  if (params.get('age')) {
    chips.push(el('button', {
      type: 'button', class: 'chip', 'aria-label': `Remove patient age ${params.get('age')}`,
      onclick: () => { const p = state(); p.delete('age'); go(p); },
    }, `Age ${params.get('age')} ×`));
  }
  if (chips.length > 1) {
    chips.push(el('button', {
      type: 'button', class: 'chip chip-clear',
      onclick: () => { const p = new URLSearchParams(); if (params.get('q')) p.set('q', params.get('q')); go(p); },
    }, 'Clear all filters'));
  }
  $('selection').replaceChildren(...chips);
}

/** One facet: a group of checkboxes, counts as if its own choice were not made (drill-sideways). */
function facet(dim, name, counts, params) {
  const selected = params.getAll(dim);
  const values = [...(counts?.values ?? [])];
  for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
  if (values.length === 0) return null;
  const ordered = inReadingOrder(dim, values);
  const expanded = expandedFacets.has(dim);
  const listed = expanded ? ordered : ordered.filter((v, i) => i < FACET_ROWS || selected.includes(v.value));
  const rows = listed.map((v) => facetRow(dim, v, selected.includes(v.value)));
  const group = el('fieldset', { class: 'facet' }, el('legend', { title: DIMENSION_HINTS[dim] ?? null }, name), el('ul', {}, rows));
  if (values.length > FACET_ROWS) {
    group.append(el('button', {
      type: 'button', class: 'link-button', id: `more-${dim}`, 'aria-expanded': String(expanded),
      onclick: () => {
        if (expanded) expandedFacets.delete(dim); else expandedFacets.add(dim);
        show(shown.answer, shown.params);
      },
    }, expanded ? 'Show fewer' : `Show all ${values.length}`));
  }
  if (counts?.notStated) {
    group.append(el('p', { class: 'not-stated', title: 'Trials whose records do not say' },
      `No information: ${counts.notStated.toLocaleString('en')} ${counts.notStated === 1 ? 'trial' : 'trials'}`));
  }
  return group;
}

function facetRow(dim, { value, count }, checked) {
  const id = `f-${dim}-${value.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)}`)}`;
  return el('li', {},
    el('input', { type: 'checkbox', id, checked, onchange: (e) => go(withFilter(dim, value, e.target.checked)) }),
    el('label', { for: id }, el('span', { class: 'facet-label' }, label(dim, value)),
      el('span', { class: 'facet-count' }, count.toLocaleString('en')), el('span', { class: 'visually-hidden' }, ' trials')));
}

function hit(trial) {
  const snippets = trial.snippets ?? {};
  const title = snippets.title?.[0] ? marked(snippets.title[0]) : trial.title;
  const registry = registryUrl(trial.nctId);
  const ages = ageRange(trial.minimumAge, trial.maximumAge);
  const countries = trial.countries ?? [];
  const facts = [
    registry
      ? el('a', { href: registry, class: 'nct', rel: 'noopener', target: '_blank', 'aria-label': `${trial.nctId} on ClinicalTrials.gov (opens in a new tab)` }, trial.nctId)
      : el('span', { class: 'nct' }, trial.nctId),
    trial.status && el('span', { class: statusClass(trial.status) }, statusText(trial)),
    trial.phases?.length && el('span', {}, trial.phases.map((p) => label('phase', p)).join(', ')),
    trial.antigens?.length && el('span', { class: 'antigens' }, trial.antigens.join(' + ')),
    ages && el('span', {}, ages === 'all ages' ? 'All ages' : `Ages ${ages}`),
    countries.length && el('span', {}, countries.length > 3 ? `${countries.slice(0, 3).join(', ')} +${countries.length - 3}` : countries.join(', ')),
  ].filter(Boolean);
  const quoted = SNIPPET_FIELDS.filter(([field]) => snippets[field]?.length).slice(0, SNIPPETS_SHOWN);
  return el('li', { class: 'hit' },
    el('h2', { class: 'hit-title' }, el('a', { href: `/trial/${encodeURIComponent(trial.nctId)}` }, title)),
    el('p', { class: 'facts' }, facts),
    quoted.length ? el('dl', { class: 'snippets' }, quoted.flatMap(([field, name]) => [
      el('dt', {}, name),
      el('dd', {}, snippets[field].map((s) => el('span', { class: 'snippet' }, marked(s)))),
    ])) : null);
}

function showPager(answer, params) {
  const last = Math.min(Math.ceil(answer.total / answer.size), MAX_PAGE);
  const current = answer.page;
  if (last <= 1) {
    $('pager').replaceChildren();
    return;
  }
  const pageLink = (page, text, rel) => {
    const p = new URLSearchParams(params);
    if (page === 1) p.delete('page'); else p.set('page', String(page));
    const a = link(`/?${p}`, text, p, { keepPage: true });
    if (rel) a.rel = rel;
    if (page === current) a.setAttribute('aria-current', 'page');
    return a;
  };
  const pages = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const items = [];
  if (current > 1) items.push(pageLink(current - 1, 'Previous', 'prev'));
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1] > 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(pageLink(p, String(p)));
  });
  if (current < last) items.push(pageLink(current + 1, 'Next', 'next'));
  $('pager').replaceChildren(...items);
}

function pickSuggestion(suggestion) {
  const filter = PICK_AS_FILTER[suggestion.kind];
  if (filter) {
    const params = withFilter(filter, suggestion.text, true);
    params.delete('q');
    go(params);
    return;
  }
  const params = state();
  const field = PICK_AS_FIELD[suggestion.kind];
  const phrase = `"${suggestion.text.replaceAll('"', '')}"`;
  params.set('q', field ? `${field}:${phrase}` : phrase);
  go(params);
}

/** The query string of the current facet selection, for suggestions within it. */
function facetSelection() {
  const params = state();
  const selection = new URLSearchParams();
  for (const [dim] of DIMENSIONS) params.getAll(dim).forEach((v) => selection.append(dim, v));
  return selection.toString();
}

/** On a narrow screen the filters fold away behind a button. */
function showFilters(open) {
  $('filters').classList.toggle('open', open);
  $('filters-toggle').setAttribute('aria-expanded', String(open));
}

function start() {
  const suggestions = attachAutocomplete($('q'), $('suggestions'), { filters: facetSelection, onPick: pickSuggestion });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    suggestions.cancel();
    const params = state();
    params.set('q', $('q').value.trim());
    go(params);
  });
  $('age-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const params = state();
    params.set('age', $('age').value.trim());
    go(params);
  });
  $('sort').addEventListener('change', () => {
    const params = state();
    params.set('sort', $('sort').value === defaultSort(params) ? '' : $('sort').value);
    go(params);
  });
  $('filters-toggle').addEventListener('click', () => showFilters(!$('filters').classList.contains('open')));
  $('filters-done').addEventListener('click', () => {
    showFilters(false);
    $('results').focus();
  });
  window.addEventListener('popstate', () => load());
  load();
}

start();
