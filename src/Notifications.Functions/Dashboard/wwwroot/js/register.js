// The register: every incident, sorted by deadline, with time left (or overdue) in words and the next action.
import { h, clear } from './dom.js';
import { t, label, formatTime, timeLeft, officeLocalToIso } from './i18n.js';
import { api } from './api.js';

const STATUSES = ['open', 'notifying', 'closed'];
let filters = { status: '', publicBody: '', from: '', to: '', title: '' };

/** What the office does next with an incident in the register. */
export function nextAction(entry) {
  if (entry.status === 'closed') return t('next.none');
  if (entry.status === 'open') return entry.awaitingDecision ? t('next.decide') : t('next.assessing');
  return t('next.notify');
}

/** Rows sorted by deadline (soonest, overdue first; none last), then by reported time. */
export function sortByDeadline(entries) {
  const key = e => (e.deadline ? new Date(e.deadline).getTime() : Number.POSITIVE_INFINITY);
  return [...entries].sort((a, b) => key(a) - key(b) || String(a.reportedAt).localeCompare(String(b.reportedAt)));
}

export function registerRows(entries, now = Date.now()) {
  return sortByDeadline(entries).map(e => {
    const left = e.status === 'closed' ? { text: t('register.closed'), kind: 'none' } : timeLeft(e.deadline, now);
    return h('tr', { dataset: { id: e.id } },
      h('td', {}, h('a', { href: `#/incidents/${encodeURIComponent(e.id)}` }, e.title || e.id)),
      h('td', {}, label('status', e.status)),
      h('td', {}, e.publicBody ?? ''),
      h('td', {}, formatTime(e.discovered)),
      h('td', {}, formatTime(e.deadline)),
      h('td', { class: left.kind }, left.kind === 'overdue' ? h('span', { class: 'badge' }, '⚠ ', left.text) : left.text),
      h('td', {}, nextAction(e)));
  });
}

export async function renderRegister(main) {
  main.append(h('h1', {}, t('register.title')));
  const body = h('tbody');
  const count = h('p', { role: 'status', id: 'register-count' });
  const input = (name, type, text) => [h('label', { for: `filter-${name}` }, text),
    h('input', { id: `filter-${name}`, name, type, value: filters[name] })];
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', {}, h('label', { for: 'filter-status' }, t('register.status')),
      h('select', { id: 'filter-status', name: 'status' },
        h('option', { value: '' }, t('register.anyStatus')),
        STATUSES.map(s => h('option', { value: s, selected: filters.status === s }, label('status', s))))),
    h('div', {}, input('publicBody', 'text', t('register.publicBody'))),
    h('div', {}, input('from', 'date', t('register.from'))),
    h('div', {}, input('to', 'date', t('register.to'))),
    h('div', {}, input('title', 'search', t('register.search'))),
    h('button', { type: 'submit' }, t('register.apply')));
  const table = h('table', { id: 'register' },
    h('caption', {}, t('register.caption')),
    h('thead', {}, h('tr', {}, ['title', 'status', 'publicBody', 'discovered', 'deadline', 'timeLeft', 'next']
      .map(c => h('th', { scope: 'col' }, t(`register.col.${c}`))))),
    body);
  main.append(form, count, table);

  async function load() {
    const q = new URLSearchParams();
    if (filters.status) q.set('status', filters.status);
    if (filters.publicBody) q.set('publicBody', filters.publicBody);
    if (filters.from) q.set('reportedFrom', officeLocalToIso(filters.from));
    if (filters.to) q.set('reportedTo', officeLocalToIso(filters.to + 'T23:59'));
    const entries = await api(`incidents?${q}`);
    const needle = filters.title.trim().toLocaleLowerCase();
    const shown = needle ? entries.filter(e => (e.title ?? '').toLocaleLowerCase().includes(needle)) : entries;
    clear(body).append(...registerRows(shown));
    count.textContent = t('register.count', { count: shown.length });
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new FormData(form);
    filters = Object.fromEntries(Object.keys(filters).map(k => [k, String(data.get(k) ?? '')]));
    await load();
  });
  await load();
}
