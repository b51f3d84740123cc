// Pieces every incident section uses: a section with its heading, a definition list, and an action form that posts to
// the API, shows its field problems, and renders the page again once the API has taken it.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api, ApiError } from './api.js';
import { showProblems, busy, scopeIds } from './forms.js';
import { refresh } from './app.js';

export function section(id, title, ...children) {
  return h('section', { class: 'part', id: `sec-${id}`, 'aria-labelledby': `sec-${id}-h` },
    h('h2', { id: `sec-${id}-h` }, title), ...children);
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? t('common.none'))]));
}

/**
 * A form for one API command. `request(form)` returns [path, options] for api(); on success the page renders again with
 * focus on the section heading; on a problem its errors show beside the fields (`explain(problem, form)` may reword them first).
 */
export function actionForm({ id, sectionId, children = [], submit, request, className, explain }) {
  const button = h('button', { type: 'submit', id: `${id}-submit` }, submit);
  const form = scopeIds(h('form', { id, novalidate: true, class: className }, children));
  button.id = `${id}-submit`;
  form.append(h('div', { class: 'actions' }, button));
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(button, async () => {
      try {
        const [path, options] = request(form);
        await api(path, options);
        await refresh(`sec-${sectionId}-h`);
      } catch (err) {
        if (err instanceof ApiError) showProblems(form, explain ? explain(err.problem, form) : err.problem); else throw err;
      }
    });
  });
  return form;
}

/** A single-button command (confirm, approve, halt...). */
export function actionButton({ id, sectionId, label, request }) {
  return actionForm({ id, sectionId, submit: label, request: () => request(), className: 'inline-action' });
}

export function yesNo(value) {
  return value ? t('common.yes') : t('common.no');
}
