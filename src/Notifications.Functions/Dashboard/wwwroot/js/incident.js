// One incident: its sections, each showing what the API holds and offering only the actions the caller's role may take
// (the API refuses the rest anyway).
import { h } from './dom.js';
import { t, label, formatTime } from './i18n.js';
import { api } from './api.js';
import { hasRole } from './auth.js';
import { section } from './sections.js';
import { factsSection, assessmentSection, clockSection, historySection } from './incident-core.js';
import { containmentSection } from './incident-containment.js';
import { commissionerSection } from './incident-commissioner.js';
import { recipientsSection } from './incident-recipients.js';
import { noticesSection } from './incident-notices.js';
import { runSection } from './incident-run.js';
import { lettersSection } from './incident-letters.js';
import { indirectSection } from './incident-indirect.js';

export async function renderIncident(main, config, id) {
  const path = `incidents/${encodeURIComponent(id)}`;
  const [incident, history] = await Promise.all([api(path), api(`${path}/history`)]);
  const can = { officer: hasRole('PrivacyOfficer'), approver: hasRole('Approver') };
  const ctx = { config, incident, history, path, can };
  const parts = [
    ['facts', t('sec.facts'), factsSection],
    ['assessment', t('sec.assessment'), assessmentSection],
    ['containment', t('sec.containment'), containmentSection],
    ['clock', t('sec.clock'), clockSection],
    ['commissioner', t('sec.commissioner'), commissionerSection],
    ['recipients', t('recipients.title'), recipientsSection],
    ['notices', t('notices.title'), noticesSection],
    ['run', t('run.title'), runSection],
    ['letters', t('sec.letters'), lettersSection],
    ['indirect', t('sec.indirect'), indirectSection],
    ['history', t('sec.history'), historySection],
  ];
  main.append(
    h('h1', {}, incident.title ?? id),
    h('p', { class: 'status-line', id: 'incident-status' },
      t('incident.statusLine', { status: label('status', incident.status), deadline: formatTime(incident.deadline) })),
    h('nav', { 'aria-label': t('incident.sections') }, h('ul', { class: 'toc' }, parts.map(([key, title]) => h('li', {},
      h('a', { href: `#sec-${key}`, onclick: e => { e.preventDefault(); const s = document.getElementById(`sec-${key}-h`); s.setAttribute('tabindex', '-1'); s.focus(); } }, title))))));
  for (const [key, title, render] of parts) {
    main.append(section(key, title, ...[await render(ctx)].flat()));
  }
}
