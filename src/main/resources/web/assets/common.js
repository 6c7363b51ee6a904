// Shared by the search page and the trial page: building DOM safely, reading the API, and the
// words people read in place of the registry's codes.

/**
 * Creates an element. Children are nodes or strings; strings always become text, never markup,
 * so record text can never inject HTML.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Turns API text that marks matched words with <mark> (everything else escaped) into nodes. Only
 * <mark> survives as an element; anything else becomes its text, whatever the server sent.
 */
export function marked(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'MARK') out.append(el('mark', {}, node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return out;
}

/** Fetches JSON from the API; a non-2xx answer throws with the API's own message. */
export async function api(path, signal) {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.error?.message || `the server answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

export function registryUrl(nctId) {
  return /^NCT\d{8}$/.test(nctId) ? `https://clinicaltrials.gov/study/${nctId}` : null;
}

/** Facet dimensions in the order people look for them, with their names in plain words. */
export const DIMENSIONS = [
  ['phase', 'Phase'],
  ['status', 'Status'],
  ['antigen', 'Target antigen'],
  ['country', 'Country'],
  ['age_group', 'Age group'],
  ['modality', 'Type of cell therapy'],
  ['condition', 'Condition'],
  ['intervention_type', 'Type of treatment'],
  ['sponsor_type', 'Who runs the trial'],
  ['study_type', 'Study type'],
  ['start_year', 'Start year'],
  ['sex', 'Sex'],
  ['healthy_volunteers', 'Healthy volunteers'],
];

/** What each dimension means, with the registry's own term: shown as a tooltip. */
export const DIMENSION_HINTS = {
  phase: 'Phase (registry term): phase 1 tests safety and dose, phase 2 whether the treatment works, phase 3 compares it with the standard treatment',
  status: 'Recruitment status (registry term): whether the trial is taking patients now; an open status not checked for two years shows as unknown',
  antigen: 'CAR target antigen (registry term): the molecule on the cancer cells that the engineered cells are built to find, such as CD19 or BCMA',
  age_group: 'Age group (registry term): child 0–17, adult 18–64, older adult 65 and over',
  modality: 'Modality: CAR-T, CAR-NK and TCR-T are immune cells engineered to find the cancer; other cell therapies are not engineered',
  intervention_type: 'Intervention type (registry term): drug, biological, procedure, device, …',
  sponsor_type: 'Sponsor type (registry term): industry, a university or hospital, a government agency, …',
  study_type: 'Study type (registry term): interventional studies give a treatment; observational studies follow patients',
  healthy_volunteers: 'Accepts healthy volunteers (registry term): whether people without the condition may take part',
};

/** The parameters GET /api/search takes; the API answers 400 to any other, so a page's address passes on only these. */
export const SEARCH_PARAMETERS = ['q', 'syntax', ...DIMENSIONS.map(([dim]) => dim),
  'age', 'start_from', 'start_to', 'updated_since', 'page', 'size', 'sort', 'cursor', 'explain', 'passing'];
/** Those the CSV export takes: every matching trial, so no paging. */
export const EXPORT_PARAMETERS = SEARCH_PARAMETERS.filter((name) => !['page', 'size', 'cursor', 'explain'].includes(name));

/**
 * Facet values in reading order: phases and years in their own order, the rest as the API
 * counts them (most trials first).
 */
export function inReadingOrder(dim, values) {
  const phases = Object.keys(PHASES);
  if (dim === 'phase') return [...values].sort((a, b) => phases.indexOf(a.value) - phases.indexOf(b.value));
  if (dim === 'start_year') return [...values].sort((a, b) => b.value.localeCompare(a.value));
  return values;
}

const PHASES = {
  EARLY_PHASE1: 'Early phase 1', PHASE1: 'Phase 1', PHASE2: 'Phase 2', PHASE3: 'Phase 3', PHASE4: 'Phase 4',
  NA: 'Not applicable',
};
const STATUSES = {
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting', UNKNOWN: 'Unknown status',
};
const AGE_GROUPS = { CHILD: 'Child (0–17)', ADULT: 'Adult (18–64)', OLDER_ADULT: 'Older adult (65+)' };
const SEXES = { ALL: 'All', FEMALE: 'Female', MALE: 'Male' };
const YES_NO = { yes: 'Accepted', no: 'Not accepted' };

/** "DIAGNOSTIC_TEST" reads "Diagnostic test". */
export function sentence(code) {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How a facet value reads on the page; values that are already words (antigens, countries) stay. */
export function label(dim, value) {
  switch (dim) {
    case 'phase': return PHASES[value] ?? sentence(value);
    case 'status': return STATUSES[value] ?? sentence(value);
    case 'age_group': return AGE_GROUPS[value] ?? sentence(value);
    case 'sex': return SEXES[value] ?? value;
    case 'healthy_volunteers': return YES_NO[value] ?? value;
    case 'study_type': case 'intervention_type': return sentence(value);
    default: return value;
  }
}

/** "18–65 years", "18 and older", "up to 17 years", "all ages"; null when the trial states no limits. */
export function ageRange(min, max) {
  const years = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const from = min != null && min > 0 ? min : null;
  if (from != null && max != null) return `${years(from)}–${years(max)} years`;
  if (from != null) return `${years(from)} and older`;
  if (max != null) return `up to ${years(max)} years`;
  return min != null ? 'all ages' : null;
}

/** "July 2018" for "2018-07-01"; null for no date. */
export function monthYear(date) {
  return date ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : null;
}

/**
 * How a trial's status reads with its date: "Recruiting, as of March 2025"; an open status not
 * verified for two years reads "Unknown status (last known: Recruiting, as of July 2018)".
 */
export function statusText({ status, statusStated, statusAsOf }) {
  const asOf = monthYear(statusAsOf);
  const dated = (s) => `${label('status', s)}${asOf ? `, as of ${asOf}` : ', date not stated'}`;
  if (status === 'UNKNOWN' && statusStated && statusStated !== 'UNKNOWN') return `${label('status', status)} (last known: ${dated(statusStated)})`;
  return dated(status);
}

export function statusClass(status) {
  return `status status-${(status || 'unknown').toLowerCase().replaceAll('_', '-')}`;
}
