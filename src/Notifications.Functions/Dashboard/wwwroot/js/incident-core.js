// The incident's facts (amend with a reason), the assessment (confirm, or override with a reason), the clock and the history.
import { h } from './dom.js';
import { t, label, language, formatTime, formatNumber } from './i18n.js';
import { field, select } from './forms.js';
import { factsFields, readFacts } from './facts-form.js';
import { facts, actionForm, actionButton, yesNo } from './sections.js';

const termLabel = (terms, code) => {
  const term = terms.find(x => x.code === code);
  return term ? (language() === 'fr' ? term.fr : term.en) : code;
};

/** Drops nulls and reads ISO times as instants, so a fact compares equal however it was written. */
function normal(value) {
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, normal(v)]));
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).getTime();
  return value;
}

/** The merge patch: the top-level facts that changed. */
export function changedFacts(before, after) {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(normal(v)) !== JSON.stringify(normal(before[k] ?? null))));
}

function occurredText(o) {
  if (!o || o.kind === 'unknown') return label('occurredKind', 'unknown');
  if (o.kind === 'date') return formatTime(o.on);
  return t('facts.period', { from: formatTime(o.from), to: o.to ? formatTime(o.to) : t('facts.openEnded') });
}

export function factsSection({ config, incident, path, can }) {
  const f = incident.facts ?? {};
  const list = facts([
    [t('report.description'), incident.description],
    [t('facts.publicBody'), (f.publicBodies ?? []).map(b => `${b.name} (${label('holds', b.holds)})`).join('; ')],
    [t('facts.occurred'), occurredText(f.occurred)],
    [t('facts.discovered'), formatTime(f.discovered)],
    [t('facts.determined'), f.determined ? formatTime(f.determined) : t('facts.notDetermined')],
    [t('facts.cause'), label('cause', f.cause)],
    [t('facts.personalInformation'), (f.personalInformation ?? []).map(c => termLabel(config.personalInformation, c)).join(', ')],
    [t('facts.affectedCount'), f.affected?.estimatedCount ?? t('facts.unknownCount')],
    [t('facts.affectedGroups'), (f.affected?.groups ?? []).map(c => termLabel(config.affectedGroups, c)).join(', ') || t('common.none')],
    [t('facts.recipientsCount'), f.recipients?.count ?? t('facts.unknownCount')],
    [t('facts.relationship'), label('relationship', f.recipients?.relationship)],
    [t('facts.containmentStatus'), label('containment', f.containment?.status)],
    [t('facts.agreedToDestroy'), yesNo(f.containment?.recipientsAgreedToDestroyOrReturn)],
    [t('facts.physicalHarm'), yesNo(f.physicalHarmPossible)],
    [t('facts.version'), String(incident.factsVersion)],
  ]);
  if (!can.officer || incident.status === 'closed') return list;
  const form = actionForm({
    id: 'amend-form', sectionId: 'facts', submit: t('facts.amendSubmit'),
    children: [factsFields(config, f), field('reason', t('facts.amendReason'), { tag: 'textarea' })],
    request: form => [path, { method: 'PATCH', body: { ...changedFacts(f, readFacts(form)), reason: String(new FormData(form).get('reason')) } }],
  });
  return [list, h('details', { id: 'amend' }, h('summary', {}, t('facts.amend')), form)];
}

export function assessmentSection({ incident, path, can }) {
  const p = incident.proposal;
  const d = incident.decision;
  const out = [];
  if (!p) out.push(h('p', { role: 'status' }, t('assessment.pending')));
  else {
    out.push(h('p', { class: 'status-line', id: 'proposal' }, p.significantHarm
      ? t('assessment.proposedSignificant', { level: label('level', p.level), urgency: label('urgency', p.urgency) })
      : t('assessment.proposedNotSignificant', { level: label('level', p.level) })),
    h('p', { lang: 'en' }, p.decision), // the engine's sentences are English (WCAG 3.1.2: said so on a French page)
    h('table', { id: 'factors' }, h('caption', {}, t('assessment.factors', { score: p.score, pack: `${p.packId} ${p.packVersion}` })),
      h('thead', {}, h('tr', {}, [t('assessment.factor'), t('assessment.weight'), t('assessment.reason')].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, p.reasons.map(r => h('tr', {}, h('th', { scope: 'row' }, label('factor', r.factor)), h('td', {}, formatNumber(r.points)), h('td', { lang: 'en' }, r.text))))));
  }
  if (d) {
    out.push(h('p', { class: 'status-line', id: 'decision' }, t(d.kind === 'confirmed' ? 'assessment.confirmed' : 'assessment.overridden', {
      harm: d.significantHarm ? t('assessment.significant') : t('assessment.notSignificant'), level: label('level', d.level), at: formatTime(d.at),
    })), d.reason ? h('p', {}, t('assessment.decisionReason', { reason: d.reason })) : null);
  }
  if (can.officer && incident.awaitingDecision) {
    out.push(h('div', { class: 'actions' }, actionButton({ id: 'confirm', sectionId: 'assessment', label: t('assessment.confirm'),
      request: () => [`${path}/assessment/decision`, { method: 'POST', body: { decision: 'confirm' } }] })));
    const levels = ['low', 'medium', 'high', 'critical'];
    out.push(h('details', { id: 'override' }, h('summary', {}, t('assessment.override')), actionForm({
      id: 'override-form', sectionId: 'assessment', submit: t('assessment.overrideSubmit'),
      children: [
        select('significantHarm', t('assessment.harmQuestion'), [['', t('assessment.choose')], ['true', t('assessment.significant')], ['false', t('assessment.notSignificant')]], ''),
        select('level', t('assessment.level'), levels.map(l => [l, label('level', l)]), p?.level),
        select('urgency', t('assessment.urgency'), ['standard', 'immediate'].map(u => [u, label('urgency', u)]), p?.urgency),
        field('reason', t('assessment.overrideReason'), { tag: 'textarea' }),
      ],
      request: form => {
        const data = new FormData(form);
        const harm = String(data.get('significantHarm'));
        return [`${path}/assessment/decision`, { method: 'POST', body: {
          decision: 'override', significantHarm: harm === '' ? null : harm === 'true', level: data.get('level'), urgency: data.get('urgency'), reason: String(data.get('reason')),
        } }];
      },
    })));
  }
  return out;
}

export function clockSection({ incident }) {
  const f = incident.facts ?? {};
  const now = Date.now();
  const next = (incident.reminders ?? []).filter(r => !incident.remindersSent.includes(r.reminderId))
    .sort((a, b) => new Date(a.dueAt) - new Date(b.dueAt))[0];
  return facts([
    [t('facts.occurred'), occurredText(f.occurred)],
    [t('facts.discovered'), formatTime(f.discovered)],
    [t('facts.determined'), f.determined ? formatTime(f.determined) : t('facts.notDetermined')],
    [t('clock.deadline'), incident.deadline ? `${formatTime(incident.deadline)} (${new Date(incident.deadline).getTime() < now ? t('clock.passed') : t('clock.ahead')})` : t('register.noDeadline')],
    [t('clock.basis'), incident.deadlineBasis],
    [t('assessment.urgency'), label('urgency', incident.urgency)],
    [t('clock.remindersSent'), incident.remindersSent.length ? incident.remindersSent.join(', ') : t('clock.noneSent')],
    [t('clock.nextReminder'), next ? formatTime(next.dueAt) : t('clock.noneArmed')],
  ]);
}

const REASON_FIELDS = ['reason', 'note', 'detail'];

export function historySection({ history }) {
  return h('ol', { class: 'timeline', id: 'timeline' }, history.map(e => {
    const reason = REASON_FIELDS.map(k => e.event?.[k]).find(v => typeof v === 'string' && v);
    return h('li', {},
      h('p', { class: 'status-line' }, label('event', e.type)),
      h('p', { class: 'hint' }, t('history.by', { at: formatTime(e.at), role: label('role', e.actor.role), id: e.actor.id })),
      reason ? h('p', {}, t('history.reason', { reason })) : null);
  }));
}
