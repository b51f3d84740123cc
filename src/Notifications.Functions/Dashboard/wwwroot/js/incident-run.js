// Run: start, halt and resume the notices fan-out (officers), and its live progress while the page is open: counts by
// status, rate, ETA, a progress chart drawn here (SVG, with the same numbers as text), the canary's state and the bounces.
// Polls GET …/notification and stops once the run is complete or the page shows something else.
import { h, clear } from './dom.js';
import { t, formatTime, formatNumber } from './i18n.js';
import { api, ApiError } from './api.js';
import { actionButton } from './sections.js';

export const POLL_MS = 2000;

/** "1.02:03:04" or "00:01:30" (a .NET TimeSpan) → seconds. */
export function seconds(span) {
  if (typeof span !== 'string') return null;
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.\d+)?$/.exec(span);
  return m ? (+(m[1] ?? 0)) * 86400 + (+m[2]) * 3600 + (+m[3]) * 60 + (+m[4]) : null;
}

function duration(total) {
  if (total === null) return t('run.etaUnknown');
  if (total < 60) return t('run.seconds', { n: Math.max(0, Math.round(total)) });
  const minutes = Math.round(total / 60);
  return minutes < 60 ? t('run.minutes', { n: minutes }) : t('run.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** The people of the run by the chart's parts, in order; each has a label and a legend entry as well as a colour. */
export function parts(s) {
  const delivered = Math.min(s.delivered ?? 0, s.sent ?? 0);
  return [
    ['delivered', delivered], ['notReported', (s.sent ?? 0) - delivered], ['bounced', s.bounced ?? 0], ['blocked', s.blocked ?? 0],
    ['failedPermanent', s.failedPermanent ?? 0], ['skipped', s.skipped ?? 0], ['pending', s.pending ?? 0],
  ];
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  children.flat().forEach(c => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return el;
}

/** A stacked bar of the run's people by status: an image whose text equivalent is its label (and the table beside it). */
export function chart(s) {
  const total = Math.max(s.people ?? 0, 1);
  const width = 600;
  let x = 0;
  const text = parts(s).map(([k, n]) => t('run.legendItem', { label: t(`run.part.${k}`), n: formatNumber(n) })).join(', ');
  const done = (s.people ?? 0) - (s.pending ?? 0);
  const bar = svg('svg', { viewBox: `0 0 ${width} 40`, width: '100%', height: '40', role: 'img', 'aria-labelledby': 'run-chart-title', class: 'chart', id: 'run-chart' },
    svg('title', { id: 'run-chart-title' }, t('run.chartLabel', { done: formatNumber(done), people: formatNumber(s.people ?? 0), parts: text })),
    svg('defs', {}, svg('pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 8, height: 8, class: 'part-pending' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch-line' }))),
    svg('rect', { x: 0, y: 0, width, height: 40, class: 'chart-frame' }),
    parts(s).filter(([, n]) => n > 0).map(([k, n]) => {
      const w = (n / total) * width;
      const r = svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 40, class: `part part-${k}` });
      if (k === 'pending') r.setAttribute('fill', 'url(#hatch)');
      x += w;
      return r;
    }));
  return h('figure', { class: 'run-chart' }, bar,
    h('figcaption', {}, t('run.chartCaption', { percent: formatNumber(Math.round((done / total) * 100)) })),
    h('ul', { class: 'legend' }, parts(s).map(([k, n]) => h('li', {}, h('span', { class: `swatch part-${k}`, 'aria-hidden': 'true' }), t('run.legendItem', { label: t(`run.part.${k}`), n: formatNumber(n) })))));
}

/** The API's estimate, unless the run stands still (halted, or the canary waiting or held), when it would mislead. */
function eta(s) {
  if (s.isComplete) return t('run.etaDone');
  if (s.halted) return t('run.etaHalted');
  if (s.canary === 'awaitingDelivery') return t('run.etaAfterCanary', { until: formatTime(s.canaryDeliveryWaitUntil) });
  if (s.canary === 'held') return t('run.etaUnknown');
  return duration(seconds(s.eta));
}

function canaryText(s) {
  switch (s.canary) {
    case 'awaitingDelivery': return t('run.canary.awaitingDelivery', { until: formatTime(s.canaryDeliveryWaitUntil) });
    case 'held': return t('run.canary.held');
    case 'released': return t('run.canary.released');
    default: return t('run.canary.sending');
  }
}

function stateText(s) {
  if (s.isComplete) return `✔ ${t('run.complete')}`;
  if (s.halted) return `‖ ${t('run.halted')}`;
  return `▶ ${t('run.running')}`;
}

/** The progress that polling replaces: no control inside, so focus never moves while it refreshes. */
export function progressView(s) {
  const counts = [
    ['people', s.people], ['sent', s.sent], ['delivered', s.delivered], ['bounced', s.bounced], ['blocked', s.blocked],
    ['failedPermanent', s.failedPermanent], ['skipped', s.skipped], ['pending', s.pending],
  ];
  return [
    h('p', { class: 'status-line', id: 'run-state' }, stateText(s)),
    chart(s),
    h('table', { id: 'run-counts' }, h('caption', {}, t('run.countsCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('run.status')), h('th', { scope: 'col' }, t('recipients.people')))),
      h('tbody', {}, counts.map(([k, n]) => h('tr', { dataset: { status: k } }, h('th', { scope: 'row' }, t(`run.count.${k}`)), h('td', {}, formatNumber(n ?? 0)))))),
    h('dl', { class: 'facts', id: 'run-facts' },
      [[t('run.rate'), t('run.perMinute', { n: formatNumber(Math.round((s.sentPerSecond ?? 0) * 600) / 10) })],
        [t('run.eta'), eta(s)],
        [t('run.batches'), t('run.batchesText', { complete: s.batchesComplete, released: s.batchesReleased, batches: s.batches })],
        [t('run.canary'), h('span', { id: 'run-canary' }, canaryText(s))],
        [t('run.bounces'), h('span', { id: 'run-bounces' }, formatNumber(s.bounced ?? 0))],
        (s.possiblySentTwice ?? 0) > 0 ? [t('run.possiblySentTwice'), h('span', { id: 'run-twice' }, t('run.possiblySentTwiceText', { n: formatNumber(s.possiblySentTwice) }))] : null,
        [t('run.startedAt'), formatTime(s.startedAt)],
        [t('run.lastReport'), s.lastReportAt ? formatTime(s.lastReportAt) : t('common.none')]]
        .filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  ];
}

function actions(incident, path, can, s) {
  if (!can.officer || incident.status === 'closed') return [];
  const out = [];
  if (!s && runBlocked(incident) === 'run.notStarted') {
    out.push(actionButton({ id: 'run-start', sectionId: 'run', label: t('run.start'), request: () => [`${path}/notification/start`, { method: 'POST' }] }));
  } else if (s && !s.isComplete && !s.halted) {
    out.push(actionButton({ id: 'run-halt', sectionId: 'run', label: t('run.halt'), request: () => [`${path}/notification/halt`, { method: 'POST' }] }));
  } else if (s && !s.isComplete && s.halted) {
    out.push(actionButton({ id: 'run-resume', sectionId: 'run', label: t('run.resume'), request: () => [`${path}/notification/resume`, { method: 'POST' }] }));
  }
  return out.length ? [h('div', { class: 'actions', id: 'run-actions' }, out)] : [];
}

async function snapshot(path) {
  try {
    return await api(`${path}/notification`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Refreshes `box` every POLL_MS until the run is complete or `box` left the page; re-renders the actions when they change. */
function poll(box, actionsBox, incident, path, can, first) {
  let last = first;
  const key = s => `${!!s}|${s?.halted}|${s?.isComplete}`;
  const tick = async () => {
    if (!box.isConnected) return; // another screen (or a re-render) took the page: stop
    let s;
    try { s = await snapshot(path); } catch { s = last; }
    if (!box.isConnected) return;
    if (s) clear(box).append(...progressView(s));
    if (key(s) !== key(last)) clear(actionsBox).append(...actions(incident, path, can, s));
    last = s;
    box.dataset.polls = String(Number(box.dataset.polls ?? 0) + 1);
    if (s?.isComplete) { box.dataset.complete = 'true'; return; }
    setTimeout(tick, POLL_MS);
  };
  if (!first?.isComplete) setTimeout(tick, POLL_MS);
  else box.dataset.complete = 'true';
}

export async function runSection({ incident, path, can }) {
  const s = await snapshot(path);
  const box = h('div', { id: 'run-progress' }, s ? progressView(s) : h('p', { id: 'run-state' }, t(runBlocked(incident))));
  const announce = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'run-announce' });
  const actionsBox = h('div', {}, actions(incident, path, can, s));
  if (s) poll(box, actionsBox, incident, path, can, s);
  watchAnnouncements(box, announce);
  return [actionsBox, box, announce];
}

/** Says the state line aloud when it changes (screen readers), without reading the whole table at every poll. */
function watchAnnouncements(box, announce) {
  let said = box.querySelector('#run-state')?.textContent ?? '';
  new MutationObserver(() => {
    const now = box.querySelector('#run-state')?.textContent ?? '';
    if (now !== said) { said = now; announce.textContent = now; }
  }).observe(box, { childList: true });
}

/** Why the run cannot start yet (the API says the same), or 'run.notStarted' when it can. */
function runBlocked(incident) {
  if (incident.status !== 'notifying') return 'run.notNotifying';
  if (incident.noticesCompletedAt) return 'run.noticesComplete';
  if (!incident.recipients) return 'run.noImport';
  if (!incident.noticeContent?.approved) return 'run.noApproval';
  if (incident.noticeContentHold?.findings?.some(f => f.target === 'approved')) return 'run.held';
  return 'run.notStarted';
}
