// Eligibility criteria as lists. Registry text marks each criterion with "*", "-", "1." or "a)"
// and nests by indentation; lines without a marker continue the criterion above, or, ending in a
// colon, head what follows. Text without any marker lists one criterion per line.

import { el } from './common.js';

const MARKER = /^(\s*)(?:[*\-•·▪◦○●]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,4}\))\s+(.*)$/;
/** ClinicalTrials.gov writes criteria as Markdown: "\>= 18" is ">= 18". */
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!<>~|=])/g;

export function criteriaBlocks(text, name) {
  const lines = text.replace(MARKDOWN_ESCAPE, '$1').split(/\r?\n/).filter((line) => line.trim());
  const marked = lines.some((line) => MARKER.test(line));
  const blocks = [];
  let list = null;
  let stack = [];
  let last = null;
  for (const line of lines) {
    const m = marked ? MARKER.exec(line) : [line, '', line.trim()];
    if (m) {
      const indent = m[1].length;
      if (!list) {
        list = { children: [] };
        blocks.push(list);
        stack = [{ indent: -1, node: list }];
      }
      while (stack.length > 1 && indent <= stack[stack.length - 1].indent) stack.pop();
      last = { text: [m[2].replace(/^[•·▪◦○●]\s*/, '').trim()], children: [] }; // "* • Age ..." has one marker too many
      stack[stack.length - 1].node.children.push(last);
      stack.push({ indent, node: last });
    } else if (last && !line.trim().endsWith(':')) {
      last.text.push(line.trim());
    } else {
      blocks.push({ heading: line.trim() });
      list = null;
      last = null;
    }
  }
  return el('div', { class: `criteria criteria-${name}` }, blocks.map((b) => (b.heading ? el('p', { class: 'criteria-heading' }, b.heading) : listOf(b))));
}

function listOf(node) {
  return el('ul', { class: 'criteria-list' }, node.children.map((item) => el('li', {},
    item.text[0],
    item.text.slice(1).map((t) => el('p', {}, t)),
    item.children.length ? listOf(item) : null)));
}
