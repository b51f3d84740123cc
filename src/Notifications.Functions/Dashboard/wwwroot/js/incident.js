// One incident: its sections, each showing what the API holds and offering only the actions the caller's role may take.
import { h } from './dom.js';
import { t, label, formatTime } from './i18n.js';
import { api } from './api.js';

export async function renderIncident(main, config, id) {
  const incident = await api(`incidents/${encodeURIComponent(id)}`);
  main.append(h('h1', {}, incident.title ?? id),
    h('p', { class: 'status-line' }, t('incident.statusLine', { status: label('status', incident.status), deadline: formatTime(incident.deadline) })));
}
