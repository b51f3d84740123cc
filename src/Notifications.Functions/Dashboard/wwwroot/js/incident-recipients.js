// Recipients: upload the affected people's CSV with the system-of-record extract; the API's errors by file, line and
// column (the shifted-rows finding first, in its own block); after a good import, the counts by channel.
import { h, clear } from './dom.js';
import { t, label, formatTime, formatNumber } from './i18n.js';
import { api, ApiError } from './api.js';
import { busy } from './forms.js';
import { facts, yesNo } from './sections.js';
import { refresh } from './app.js';

export const CHANNELS = ['email', 'letter', 'indirect', 'withheld'];

/** A count from the API's dictionaries, whatever the case of their keys ("Email" or "email"). */
export function countOf(map, key) {
  const entry = Object.entries(map ?? {}).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return entry ? Number(entry[1]) : 0;
}

/** "recipients:line 3:email" → { file, line, column }, or null for a key of another shape. */
function locate(key) {
  const m = /^(\w+):line (\d+)(?::(.+))?$/.exec(key);
  return m ? { file: m[1], line: Number(m[2]), column: m[3] ?? null } : null;
}

/** The API's errors as rows: where, code and message ("shifted_rows: Emails appear shifted..." → code, text). */
export function importErrors(problem) {
  const rows = [];
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const where = locate(key);
    for (const message of messages) {
      const m = /^([a-z_]+): (.*)$/s.exec(message);
      rows.push({ ...(where ?? { file: key, line: null, column: null }), code: m ? m[1] : '', text: m ? m[2] : message });
    }
  }
  return rows;
}

function errorReport(problem) {
  const rows = importErrors(problem);
  const shifted = rows.filter(r => r.code === 'shifted_rows');
  const located = rows.filter(r => r.code !== 'shifted_rows');
  const box = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'import-problems' },
    h('h3', {}, t('recipients.failed')), h('p', {}, problem.title ?? ''),
    shifted.length ? h('div', { class: 'shifted', id: 'shifted-rows' },
      h('h4', {}, t('recipients.shiftedTitle')),
      shifted.map(r => h('p', {}, t('recipients.at', { file: label('recipients.fileName', r.file), line: r.line }), ' ', r.text)),
      h('p', { class: 'hint' }, t('recipients.shiftedHint'))) : null,
    located.length ? h('table', { id: 'import-errors' },
      h('caption', {}, t('recipients.errorsCaption', { n: located.length })),
      h('thead', {}, h('tr', {}, [t('recipients.fileCol'), t('recipients.lineCol'), t('recipients.columnCol'), t('recipients.problemCol')]
        .map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, located.map(r => h('tr', {},
        h('td', {}, label('recipients.fileName', r.file)), h('th', { scope: 'row' }, r.line ? String(r.line) : t('recipients.wholeFile')),
        h('td', {}, r.column ?? t('common.none')), h('td', {}, r.code ? h('span', { class: 'badge' }, r.code) : null, ' ', r.text))))) : null,
    problem.errorsNotShown ? h('p', {}, t('recipients.notShown', { n: formatNumber(problem.errorsNotShown) })) : null,
    !rows.length ? h('p', {}, problem.detail ?? t('form.failed')) : null);
  return box;
}

function countsTable(imported) {
  const c = imported.counts ?? {};
  const byChannel = c.byChannel ?? {};
  return [
    h('table', { id: 'channel-counts' }, h('caption', {}, t('recipients.byChannel')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('recipients.channel')), h('th', { scope: 'col' }, t('recipients.people')))),
      h('tbody', {}, CHANNELS.map(ch => h('tr', { dataset: { channel: ch } },
        h('th', { scope: 'row' }, t(`recipients.channel.${ch}`)), h('td', {}, formatNumber(countOf(byChannel, ch)))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('recipients.total')), h('td', {}, formatNumber(c.rows ?? 0))))),
    facts([
      [t('recipients.byLanguage'), Object.entries(c.byLanguage ?? {}).map(([k, v]) => `${k}: ${formatNumber(v)}`).join(', ') || t('common.none')],
      [t('recipients.systemOfRecord'), yesNo(imported.systemOfRecordChecked)],
      [t('recipients.importId'), imported.importId],
    ]),
  ];
}

export function recipientsSection({ incident, path, can }) {
  const imported = incident.recipients;
  const out = [imported
    ? h('p', { class: 'status-line', id: 'recipients-status' }, t('recipients.imported', { n: formatNumber(imported.counts?.rows ?? 0) }))
    : h('p', { id: 'recipients-status' }, t('recipients.none'))];
  if (imported) out.push(countsTable(imported));
  if (incident.contactDataPurgedAt) out.push(h('p', {}, t('recipients.purged', { at: formatTime(incident.contactDataPurgedAt) })));
  if (!can.officer || incident.status === 'closed' || incident.contactDataPurgedAt) return out;

  const report = h('div', { id: 'import-result' });
  const button = h('button', { type: 'submit', id: 'import-submit' }, t('recipients.upload'));
  const form = h('form', { id: 'import-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'f-systemOfRecord' }, t('recipients.sorFile')),
      h('p', { class: 'hint', id: 'f-systemOfRecord-hint' }, t('recipients.sorHint')),
      h('input', { id: 'f-systemOfRecord', name: 'systemOfRecord', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'f-systemOfRecord-hint' })),
    h('div', { class: 'field' }, h('label', { for: 'f-recipients' }, t('recipients.peopleFile')),
      h('p', { class: 'hint', id: 'f-recipients-hint' }, t('recipients.fileHint')),
      h('input', { id: 'f-recipients', name: 'recipients', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'f-recipients-hint' })),
    h('div', { class: 'actions' }, button), report);
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(button, async () => {
      clear(report);
      const sor = form.elements.systemOfRecord.files[0];
      const people = form.elements.recipients.files[0];
      if (!people) {
        report.append(errorReport({ title: t('recipients.chooseFile') }));
        report.firstChild.focus();
        return;
      }
      const body = new FormData(); // the system of record first: the API checks each row against it as it streams
      if (sor) body.append('systemOfRecord', sor, sor.name);
      body.append('recipients', people, people.name);
      try {
        await api(`${path}/recipients`, { method: 'POST', body });
        await refresh('sec-recipients-h');
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        report.append(errorReport(err.problem));
        report.firstChild.focus();
      }
    });
  });
  out.push(h('h3', {}, imported ? t('recipients.replace') : t('recipients.uploadTitle')), form);
  return out;
}
