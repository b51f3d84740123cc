// Report a breach: every fact the intake takes. The API's field problems show beside each field; one idempotency key per
// form, so a double click (or a retry) creates one incident.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api, ApiError } from './api.js';
import { field, showProblems, clearProblems, busy } from './forms.js';
import { factsFields, readFacts } from './facts-form.js';
import { navigate } from './app.js';

export async function renderReport(main, config) {
  const key = crypto.randomUUID();
  main.append(h('h1', {}, t('report.title')), h('p', {}, t('report.intro')));
  const submit = h('button', { type: 'submit', id: 'report-submit' }, t('report.submit'));
  const form = h('form', { id: 'report-form', novalidate: true, dataset: { idempotencyKey: key } },
    field('title', t('report.incidentTitle'), { maxlength: '200' }),
    field('description', t('report.description'), { tag: 'textarea', maxlength: '4000' }),
    h('fieldset', {}, h('legend', {}, t('report.reporter')),
      field('reporter.name', t('report.reporterName'), { autocomplete: 'name' }),
      field('reporter.email', t('report.reporterEmail'), { type: 'email', autocomplete: 'email' }),
      field('reporter.phone', t('report.reporterPhone'), { type: 'tel', autocomplete: 'tel' })),
    factsFields(config),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(submit, async () => {
      const d = new FormData(form);
      const body = {
        title: String(d.get('title')), description: String(d.get('description')),
        reporter: { name: String(d.get('reporter.name')), email: String(d.get('reporter.email')), phone: String(d.get('reporter.phone')) || null },
        ...readFacts(form),
      };
      try {
        const answer = await api('incidents', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
        clearProblems(form);
        const id = answer.id ?? /incidents\/([^/]+)/.exec(answer.location)?.[1];
        navigate(`#/incidents/${encodeURIComponent(id)}`);
      } catch (err) {
        if (err instanceof ApiError) showProblems(form, err.problem); else throw err;
      }
    });
  });
  main.append(form);
}
