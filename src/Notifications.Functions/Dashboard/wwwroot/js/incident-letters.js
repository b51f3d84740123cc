// Letters: export them as CSV (mail merge) or HTML (to print), see which ones the linter blocks, and record the letters
// that came back. The export is a download through the API with the bearer token (fetch, then a blob URL: the token is no
// cookie); its counts come from the X-Letters-Count and X-Letters-Blocked headers.
import { h, clear } from './dom.js';
import { t, formatTime, formatNumber } from './i18n.js';
import { api, ApiError } from './api.js';
import { field, select, busy, showProblems, clearProblems } from './forms.js';
import { facts, actionForm } from './sections.js';
import { refresh } from './app.js';

const REASONS = ['returnedToSender', 'addressUnknown', 'moved'];

/** The last file exported in this tab, by incident: the page renders again after an export and keeps its link. */
const exported = new Map();

const letterPeople = incident => {
  const byChannel = incident.recipients?.counts?.byChannel ?? {};
  const key = Object.keys(byChannel).find(k => k.toLowerCase() === 'letter');
  return key ? byChannel[key] : 0;
};

const personIdsOf = form => String(new FormData(form).get('personIds') ?? '').split(/\r?\n/).map(s => s.trim()).filter(Boolean);

function fileName(res, fallback) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get('Content-Disposition') ?? '');
  return match ? decodeURIComponent(match[1]) : fallback;
}

function exportForm(incident, path) {
  const form = h('form', { id: 'letters-export', novalidate: true },
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'letters-export-csv', value: 'csv' }, t('letters.exportCsv')),
      h('button', { type: 'submit', id: 'letters-export-html', value: 'html', class: 'secondary' }, t('letters.exportHtml'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const button = e.submitter ?? form.querySelector('button');
    const format = button.value;
    busy(button, async () => {
      clearProblems(form);
      try {
        const res = await api(`${path}/letters?format=${format}`, { raw: true, headers: { Accept: format === 'csv' ? 'text/csv' : 'text/html' } });
        const blob = await res.blob();
        const previous = exported.get(incident.id);
        if (previous) URL.revokeObjectURL(previous.url);
        const file = {
          url: URL.createObjectURL(blob), name: fileName(res, `letters-${incident.id}.${format}`), format,
          count: Number(res.headers.get('X-Letters-Count') ?? 0), blocked: Number(res.headers.get('X-Letters-Blocked') ?? 0),
        };
        exported.set(incident.id, file);
        const link = document.body.appendChild(h('a', { href: file.url, download: file.name, hidden: true }));
        link.click();
        link.remove();
        await refresh('letters-file');
      } catch (err) {
        if (err instanceof ApiError) showProblems(form, err.problem); else throw err;
      }
    });
  });
  return form;
}

function exportedFile(incident) {
  const file = exported.get(incident.id);
  if (!file) return null;
  return h('div', { class: 'notice', id: 'letters-file', role: 'status' },
    h('p', {}, t('letters.exportedNow', { count: formatNumber(file.count), blocked: formatNumber(file.blocked) })),
    h('p', {}, h('a', { href: file.url, download: file.name, id: 'letters-download' }, t('letters.downloadAgain', { name: file.name }))));
}

function blockedList(path) {
  const out = h('div', { id: 'letters-blocked', role: 'status' });
  const button = h('button', { type: 'button', id: 'letters-blocked-show', class: 'secondary' }, t('letters.showBlocked'));
  button.addEventListener('click', () => busy(button, async () => {
    clear(out);
    try {
      const b = await api(`${path}/letters/blocked`);
      out.append(h('p', {}, t('letters.blockedCount', { blocked: formatNumber(b.blocked), letters: formatNumber(b.letters) })));
      if (b.people.length) {
        out.append(h('table', { id: 'letters-blocked-table' }, h('caption', {}, t('letters.blockedCaption')),
          h('thead', {}, h('tr', {}, [t('letters.line'), t('letters.code')].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, b.people.map(p => h('tr', {}, h('td', {}, String(p.line)), h('td', {}, p.code))))));
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.append(h('p', { class: 'field-error' }, err.problem.detail ?? err.problem.title));
    }
  }));
  return [h('div', { class: 'actions' }, button), out];
}

/** The API names a bad id by its place in the list (personIds[2]); say which line of the box and which id. */
function explainIds(problem, form) {
  const ids = personIdsOf(form);
  const errors = Object.fromEntries(Object.entries(problem.errors ?? {}).map(([key, messages]) => {
    const m = /^personIds\[(\d+)\]$/.exec(key);
    if (!m) return [key, messages];
    const i = Number(m[1]);
    return [key, [t('letters.idProblem', { line: i + 1, id: ids[i] ?? '' }), ...messages]];
  }));
  return { ...problem, errors };
}

function returnedForm(path) {
  return h('div', { class: 'subpart' }, h('h3', { id: 'letters-returned-h' }, t('letters.returnedHeading')), actionForm({
    id: 'returned-form', sectionId: 'letters', submit: t('letters.returnedSubmit'), explain: explainIds,
    children: [
      field('personIds', t('letters.personIds'), { tag: 'textarea', spellcheck: 'false' }, t('letters.personIdsHint')),
      select('reason', t('letters.reason'), REASONS.map(r => [r, t(`letters.reason.${r}`)]), REASONS[0]),
    ],
    request: form => [`${path}/letters/returned`, { method: 'POST', body: { personIds: personIdsOf(form), reason: String(new FormData(form).get('reason')) } }],
  }));
}

export function lettersSection({ incident, path, can }) {
  const people = letterPeople(incident);
  const last = incident.lettersExport;
  const out = [facts([
    [t('letters.people'), incident.recipients ? formatNumber(people) : t('letters.notImported')],
    [t('letters.lastExport'), incident.lettersExportedAt
      ? t('letters.lastExportText', { at: formatTime(incident.lettersExportedAt), format: (last?.format ?? '').toUpperCase(), count: formatNumber(last?.letters ?? 0), blocked: formatNumber(last?.blocked ?? 0) })
      : t('letters.notExported')],
    [t('letters.returned'), formatNumber(incident.returnedLetters ?? 0)],
  ])];
  const purged = !!incident.contactDataPurgedAt;
  if (!can.officer || !incident.recipients || people === 0 || purged) {
    if (can.officer && purged) out.push(h('p', { class: 'hint' }, t('letters.purged')));
    return out;
  }
  out.push(exportedFile(incident), exportForm(incident, path), ...blockedList(path));
  if (incident.lettersExportedAt) out.push(returnedForm(path));
  else out.push(h('p', { class: 'hint' }, t('letters.exportFirst')));
  return out;
}
