// The trial page: the whole record from /api/trials/{id}, laid out to be read, and similar trials.

import { ageRange, api, el, label, registryUrl, sentence, statusClass } from './common.js';
import { criteriaBlocks } from './criteria.js';

const SIMILAR = 6;
/** Up to this many sites are all shown; more fold by country. */
const OPEN_SITES = 20;
const FORMATS = {
  CTGOV_V2_JSON: 'ClinicalTrials.gov API v2 JSON', CTGOV_XML: 'ClinicalTrials.gov XML', CTGOV_CSV: 'ClinicalTrials.gov CSV export',
  TRACKER_CSV: 'Trial tracker CSV', WEB_PAGE: 'Copied web page',
};
const LINKED_BY = { NCT_ID: 'NCT id', TITLE: 'title', CONTENT: 'page content' };

const $ = (id) => document.getElementById(id);
/** The id as the address writes it, still URL-encoded: it goes straight into the API's address. */
const trialId = location.pathname.slice('/trial/'.length);

function section(title, ...content) {
  const body = content.flat().filter(Boolean);
  if (body.length === 0) return null;
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return el('section', { class: 'trial-section', 'aria-labelledby': id }, el('h2', { id }, title), body);
}

function facts(pairs) {
  const rows = pairs.filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0));
  return el('dl', { class: 'facts-list' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function header(trial, facets) {
  const registry = registryUrl(trial.nctId);
  return el('header', { class: 'trial-header' },
    el('p', { class: 'trial-ids' },
      registry ? el('a', { href: registry, rel: 'noopener', target: '_blank' }, trial.nctId, ' on ClinicalTrials.gov') : trial.nctId,
      trial.acronym ? ` · ${trial.acronym}` : ''),
    el('h1', {}, trial.briefTitle ?? trial.officialTitle ?? trial.nctId),
    trial.officialTitle && trial.officialTitle !== trial.briefTitle ? el('p', { class: 'official-title' }, trial.officialTitle) : null,
    el('p', { class: 'badges' },
      facets.status && el('span', { class: statusClass(facets.status) }, label('status', facets.status)),
      (facets.phases ?? []).map((p) => el('span', { class: 'badge' }, label('phase', p))),
      (facets.antigens ?? []).map((a) => el('span', { class: 'badge badge-antigen' }, a))));
}

function keyFacts(trial, facets) {
  const e = trial.eligibility ?? {};
  const sponsor = trial.sponsor ?? {};
  const ids = trial.ids ?? {};
  return section('Key facts', facts([
    ['Study type', facets.studyType && label('study_type', facets.studyType)],
    ['Cell therapy', (facets.modalities ?? []).join(', ')],
    ['Ages', ageRange(facets.minAgeYears, facets.maxAgeYears) ?? 'not stated'],
    ['Age groups', (facets.ageGroups ?? []).map((g) => label('age_group', g)).join(', ')],
    ['Sex', facets.sex && label('sex', facets.sex)],
    ['Healthy volunteers', e.healthyVolunteers === true ? 'Accepted' : e.healthyVolunteers === false ? 'Not accepted' : null],
    ['Enrollment', trial.enrollment != null ? trial.enrollment.toLocaleString('en') : null],
    ['Start date', trial.startDate],
    ['Last update', trial.lastUpdate],
    ['Sponsor', sponsor.lead && `${sponsor.lead}${facets.sponsorType ? ` (${facets.sponsorType})` : ''}`],
    ['Collaborators', (sponsor.collaborators ?? []).join('; ')],
    ['Countries', (facets.countries ?? []).join(', ')],
    ['Other ids', [ids.orgStudyId, ids.eudractNumber && `EudraCT ${ids.eudractNumber}`, ids.ctisNumber && `CTIS ${ids.ctisNumber}`, ...(ids.otherIds ?? [])]
      .filter(Boolean).join(', ')],
  ]));
}

function tags(values) {
  return values?.length ? el('ul', { class: 'tags' }, values.map((v) => el('li', {}, v))) : null;
}

function paragraphs(text) {
  return text ? text.split(/\n\s*\n/).map((p) => el('p', { class: 'prose' }, p.trim())) : [];
}

function summary(trial) {
  const details = trial.detailedDescription
    ? el('details', {}, el('summary', {}, 'Detailed description'), paragraphs(trial.detailedDescription))
    : null;
  return section('Summary', paragraphs(trial.briefSummary), details);
}

function interventions(trial) {
  if (!trial.interventions?.length) return null;
  return section('Interventions', el('ul', { class: 'plain-list' }, (trial.interventions ?? []).map((i) => el('li', {},
    el('strong', {}, i.name), i.type ? ` (${label('intervention_type', i.type)})` : '',
    i.otherNames?.length ? el('span', { class: 'muted' }, ` · also ${i.otherNames.join(', ')}`) : null,
    i.description ? el('p', { class: 'prose' }, i.description) : null))));
}

function arms(trial) {
  if (!trial.arms?.length) return null;
  return section('Arms', el('ul', { class: 'plain-list' }, trial.arms.map((a) => el('li', {},
    el('strong', {}, a.label), a.type ? ` (${sentence(a.type)})` : '',
    a.description ? el('p', { class: 'prose' }, a.description) : null))));
}

function eligibility(trial) {
  const e = trial.eligibility;
  if (!e) return null;
  const halves = e.inclusion || e.exclusion
    ? [e.inclusion && el('h3', {}, 'Inclusion criteria'), e.inclusion && criteriaBlocks(e.inclusion, 'inclusion'),
       e.exclusion && el('h3', {}, 'Exclusion criteria'), e.exclusion && criteriaBlocks(e.exclusion, 'exclusion')]
    : [e.criteria && criteriaBlocks(e.criteria, 'criteria')];
  return section('Eligibility', halves);
}

function outcomes(trial) {
  const list = (items) => items?.length ? el('ul', { class: 'plain-list' }, items.map((o) => el('li', {},
    el('strong', {}, o.measure), o.timeFrame ? el('span', { class: 'muted' }, ` · ${o.timeFrame}`) : null,
    o.description ? el('p', { class: 'prose' }, o.description) : null))) : null;
  return section('Outcomes',
    trial.primaryOutcomes?.length && el('h3', {}, 'Primary'), list(trial.primaryOutcomes),
    trial.secondaryOutcomes?.length && el('h3', {}, 'Secondary'), list(trial.secondaryOutcomes));
}

/**
 * Sites grouped by country, most sites first. A country whose sites state more than the country
 * lists them, all open when there are few sites and on demand when there are many.
 */
function sites(trial) {
  if (!trial.sites?.length) return null;
  const byCountry = new Map();
  for (const site of trial.sites) {
    const country = site.country ?? 'Country not stated';
    if (!byCountry.has(country)) byCountry.set(country, []);
    byCountry.get(country).push(site);
  }
  const groups = [...byCountry.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const open = trial.sites.length <= OPEN_SITES;
  return section(`Sites (${trial.sites.length})`, el('ul', { class: 'site-groups' }, groups.map(([country, list]) => {
    const heading = `${country} · ${list.length} ${list.length === 1 ? 'site' : 'sites'}`;
    const described = list.map(siteText).filter(Boolean);
    if (described.length === 0) return el('li', { class: 'site-group' }, el('span', { class: 'site-country' }, heading));
    return el('li', { class: 'site-group' }, el('details', { open },
      el('summary', { class: 'site-country' }, heading),
      el('ul', { class: 'plain-list' }, described.map((text) => el('li', {}, text)))));
  })));
}

/** "Facility, City, State · Recruiting"; null when the site states nothing but its country. */
function siteText(site) {
  const place = [site.facility, site.city, site.state].filter(Boolean).join(', ');
  if (!place && !site.status) return null;
  return `${place || 'Place not stated'}${site.status ? ` · ${label('status', site.status)}` : ''}`;
}

function contacts(trial) {
  if (!trial.centralContacts?.length) return null;
  return section('Contacts', el('ul', { class: 'plain-list' }, (trial.centralContacts ?? []).map((c) => el('li', {},
    c.name ?? '', c.phone ? ` · ${c.phone}` : '', c.email ? [' · ', el('a', { href: `mailto:${c.email}` }, c.email)] : null))));
}

/** Where the record comes from, and which fields each source gave. */
function sources(trial, fieldSources) {
  const given = (trial.sources ?? []).map(() => []);
  for (const [field, index] of Object.entries(fieldSources ?? {})) given[index]?.push(field);
  // the words a source used where the trial shows the registry's value ("Enrolling" for Recruiting)
  const worded = (trial.sources ?? []).some((s) => s.wording);
  const headings = ['Format', 'File', 'Record', 'Linked by', 'Last update', 'Fields given', ...(worded ? ['As the source wrote'] : [])];
  return section('Sources', el('div', { class: 'table-scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, (trial.sources ?? []).map((s, i) => el('tr', {},
      el('td', {}, FORMATS[s.format] ?? s.format, s.sitesOnly ? ' (sites only)' : ''),
      el('td', { class: 'file' }, s.file),
      el('td', {}, s.position != null ? `#${s.position}` : ''),
      el('td', {}, LINKED_BY[s.linkedBy] ?? s.linkedBy ?? ''),
      el('td', {}, s.lastUpdate ?? ''),
      el('td', {}, given[i].length
        ? el('details', {}, el('summary', {}, `${given[i].length} ${given[i].length === 1 ? 'field' : 'fields'}`), el('p', { class: 'muted' }, given[i].join(', ')))
        : '—'),
      worded ? el('td', { class: 'wording' }, Object.entries(s.wording ?? {}).map(([field, words]) => `${field}: ${words}`).join('; ') || '—') : null))))));
}

function render({ trial, fieldSources, facets }) {
  document.title = `${trial.briefTitle ?? trial.nctId} · trialsearch`;
  $('trial').replaceChildren(...[
    header(trial, facets),
    keyFacts(trial, facets),
    section('Conditions', tags(trial.conditions)),
    section('Keywords', tags(trial.keywords)),
    summary(trial),
    interventions(trial),
    arms(trial),
    eligibility(trial),
    outcomes(trial),
    sites(trial),
    contacts(trial),
    sources(trial, fieldSources),
  ].filter(Boolean));
}

function renderSimilar(hits) {
  if (hits.length === 0) return;
  $('similar-list').replaceChildren(...hits.map((h) => el('li', {},
    el('a', { href: `/trial/${encodeURIComponent(h.nctId)}` }, h.title ?? h.nctId),
    el('p', { class: 'facts' },
      h.status && el('span', { class: statusClass(h.status) }, label('status', h.status)),
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

async function start() {
  wireBackLink();
  try {
    render(await api(`/api/trials/${trialId}`));
    api(`/api/trials/${trialId}/similar?limit=${SIMILAR}`).then(renderSimilar).catch(() => {});
  } catch (e) {
    document.title = 'Trial not found · trialsearch';
    $('trial').replaceChildren(el('h1', {}, e.status === 404 || e.status === 400 ? 'No such trial' : 'This trial could not be shown'),
      el('p', { class: 'error', role: 'alert' }, e.message));
  } finally {
    $('trial').removeAttribute('aria-busy');
  }
}

start();
