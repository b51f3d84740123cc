// Form building blocks shared by every form: labelled fields, and the API's field-level problems shown beside each
// field with an error summary that links to them.
import { h, clear, fieldId } from './dom.js';
import { t, label } from './i18n.js';

/** A labelled input: field('reporter.email', t('...'), { type: 'email' }). The API's field name gives the id. */
export function field(name, text, props = {}, hint) {
  const id = props.id ?? fieldId(name);
  const control = props.tag === 'textarea'
    ? h('textarea', { id, name, ...props, tag: undefined, 'aria-describedby': hint ? `${id}-hint` : undefined }, props.value ?? '')
    : h('input', { id, name, type: 'text', ...props, 'aria-describedby': hint ? `${id}-hint` : undefined });
  if (props.tag === 'textarea') control.value = props.value ?? '';
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, text), hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, control);
}

export function select(name, text, options, value) {
  const id = fieldId(name);
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, text),
    h('select', { id, name }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l))));
}

export function checkbox(name, text, checked) {
  const id = fieldId(name);
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { class: 'inline', for: id }, h('input', { id, name, type: 'checkbox', checked: !!checked }), text));
}

/** A group of checkboxes sharing one API field (an array of codes). */
export function checkboxes(name, legend, options, checked = []) {
  const id = fieldId(name);
  return h('fieldset', { class: 'field', id, tabindex: '-1', dataset: { field: name } },
    h('legend', {}, legend),
    options.map(([v, l], i) => h('label', { class: 'inline', for: `${id}-${i}` },
      h('input', { id: `${id}-${i}`, type: 'checkbox', name, value: v, checked: checked.includes(v) }), l)));
}

/** Makes the ids inside `form` unique on the page (several forms share field names), keeping labels and descriptions linked. */
export function scopeIds(form) {
  const prefix = `${form.id}-`;
  form.querySelectorAll('[id]').forEach(el => { el.id = prefix + el.id; });
  form.querySelectorAll('label[for]').forEach(el => { el.htmlFor = prefix + el.htmlFor; });
  form.querySelectorAll('[aria-describedby]').forEach(el => {
    el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').split(' ').map(x => prefix + x).join(' '));
  });
  return form;
}

/** Removes the problems a previous answer showed. */
export function clearProblems(form) {
  form.querySelectorAll('.field-error, .error-summary').forEach(e => e.remove());
  form.querySelectorAll('.has-error').forEach(e => e.classList.remove('has-error'));
  form.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); });
}

/** The field element for an API error key: "personalInformation[2]" → the personalInformation group; "occurred.on" → itself. */
function fieldFor(form, key) {
  for (let name = key; name; ) {
    const el = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (el) return el;
    const shorter = name.replace(/\[\d+\]$/, '');
    name = shorter !== name ? shorter : name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  }
  return null;
}

/** Shows the problem's errors beside their fields and a summary that links to them, and moves focus to the summary. */
export function showProblems(form, problem) {
  clearProblems(form);
  const errors = problem.errors ?? {};
  const items = [];
  for (const [key, messages] of Object.entries(errors)) {
    const wrapper = fieldFor(form, key);
    const target = wrapper?.matches('fieldset') ? wrapper : wrapper?.querySelector('input, select, textarea');
    const message = messages.map(m => label('apiError', m)).join(' '); // the API speaks English; fr.json translates its usual messages
    if (wrapper) {
      const errorId = `${form.id}-${fieldId(key)}-error`;
      wrapper.classList.add('has-error');
      const p = h('p', { class: 'field-error', id: errorId }, message);
      if (wrapper.matches('fieldset')) wrapper.querySelector('legend').after(p); else wrapper.querySelector('label').after(p);
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
      }
    }
    items.push(h('li', {}, target
      ? h('a', { href: `#${target.id}`, onclick: e => { e.preventDefault(); target.focus(); } }, message)
      : `${key}: ${message}`));
  }
  if (items.length === 0) items.push(h('li', {}, problem.detail ?? problem.title ?? t('form.failed')));
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: `${form.id || 'form'}-summary` },
    h('h2', {}, t('form.problem')), h('ul', {}, items));
  form.prepend(summary);
  summary.focus();
}

/** A submit button that can't be pressed twice while its request is in flight. */
export async function busy(button, work) {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try { return await work(); } finally { button.disabled = false; button.removeAttribute('aria-busy'); }
}

export { clear };
