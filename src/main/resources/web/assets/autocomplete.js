// The search box's suggestions, as an ARIA combobox: arrows move through them, Enter picks the
// one shown as active (or searches the typed text when none is), Escape closes the list.

import { api, el, marked } from './common.js';

const KIND_NAMES = {
  condition: 'condition', intervention: 'intervention', antigen: 'antigen', product: 'product',
  sponsor: 'sponsor', country: 'country', title: 'trial title',
};
const DELAY_MS = 120;

/**
 * @param input the text box (role=combobox)
 * @param list the listbox it controls
 * @param filters returns the query string of the current facet selection, so suggestions and
 *     their counts stay within it
 * @param onPick called with the picked suggestion
 */
export function attachAutocomplete(input, list, { filters, onPick }) {
  let suggestions = [];
  let active = -1;
  let timer = null;
  let pending = null;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    suggestions = [];
    active = -1;
  }

  function show(found) {
    suggestions = found;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (found.length === 0) return close();
    list.replaceChildren(...found.map((s, i) => el('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion',
      onmousedown: (e) => e.preventDefault(), // keep focus in the box
      onclick: () => pick(i),
    }, el('span', { class: 'suggestion-text' }, marked(s.highlighted)),
       el('span', { class: 'suggestion-kind' }, KIND_NAMES[s.kind] ?? s.kind),
       el('span', { class: 'suggestion-count' }, String(s.count)),
       el('span', { class: 'visually-hidden' }, s.count === 1 ? ' trial' : ' trials'))));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function move(step) {
    if (suggestions.length === 0) return;
    // Positions cycle through the suggestions and "none" (the typed text), as in a browser's own lists.
    const positions = suggestions.length + 1;
    active = ((active + 1 + step + positions) % positions) - 1;
    list.querySelectorAll('[role=option]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === active));
      if (i === active) option.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(i) {
    const suggestion = suggestions[i];
    close();
    onPick(suggestion);
  }

  async function lookUp() {
    const text = input.value.trim();
    pending?.abort();
    if (!text) return close();
    pending = new AbortController();
    const params = new URLSearchParams(filters());
    params.set('q', text);
    params.set('limit', '8');
    try {
      show(await api(`/api/autocomplete?${params}`, pending.signal));
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, DELAY_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) return;
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  return { close, cancel: () => { clearTimeout(timer); pending?.abort(); close(); } };
}
