// The breach facts as form fields (report and amend share them), and reading them back into the API's JSON shape.
import { h } from './dom.js';
import { t, label, language, officeLocalToIso, isoToOfficeLocal } from './i18n.js';
import { field, select, checkbox, checkboxes } from './forms.js';

const CAUSES = ['misdirectedEmail', 'misdirectedMail', 'loss', 'theft', 'unauthorizedAccess', 'unauthorizedUse', 'cyberattack', 'other'];
const HOLDS = ['custodyAndControl', 'custody', 'control'];
const RELATIONSHIPS = ['unrelatedIndividuals', 'sameBodyConfidentialityDuty', 'adverseOrHostile', 'knownMaliciousIntent', 'public'];
const CONTAINMENT = ['unknown', 'notContained', 'partiallyContained', 'contained'];
const options = (group, values) => values.map(v => [v, label(group, v)]);
const term = x => [x.code, language() === 'fr' ? x.fr : x.en];

export function factsFields(config, facts = {}) {
  const body = facts.publicBodies?.[0] ?? {};
  const occurred = facts.occurred ?? { kind: 'date' };
  const kindRadio = kind => h('label', { class: 'inline', for: `f-occurred-kind-${kind}` },
    h('input', { type: 'radio', id: `f-occurred-kind-${kind}`, name: 'occurred.kind', value: kind, checked: occurred.kind === kind }), label('occurredKind', kind));
  return [
    h('fieldset', {}, h('legend', {}, t('facts.publicBody')),
      field('publicBodies[0].name', t('facts.publicBodyName'), { value: body.name ?? '', autocomplete: 'organization' }),
      select('publicBodies[0].holds', t('facts.holds'), options('holds', HOLDS), body.holds)),
    h('fieldset', { class: 'field', id: 'f-occurred', tabindex: '-1', dataset: { field: 'occurred' } }, h('legend', {}, t('facts.occurred')),
      h('div', { class: 'field', dataset: { field: 'occurred.kind' } }, ['date', 'period', 'unknown'].map(kindRadio)),
      field('occurred.on', t('facts.occurredOn'), { type: 'datetime-local', value: isoToOfficeLocal(occurred.on) }, t('facts.officeTime')),
      field('occurred.from', t('facts.occurredFrom'), { type: 'datetime-local', value: isoToOfficeLocal(occurred.from) }),
      field('occurred.to', t('facts.occurredTo'), { type: 'datetime-local', value: isoToOfficeLocal(occurred.to) })),
    field('discovered', t('facts.discovered'), { type: 'datetime-local', value: isoToOfficeLocal(facts.discovered) }, t('facts.officeTime')),
    field('determined', t('facts.determined'), { type: 'datetime-local', value: isoToOfficeLocal(facts.determined) }, t('facts.determinedHint')),
    select('cause', t('facts.cause'), options('cause', CAUSES), facts.cause),
    checkboxes('personalInformation', t('facts.personalInformation'), config.personalInformation.map(term), facts.personalInformation ?? []),
    h('fieldset', {}, h('legend', {}, t('facts.affected')),
      field('affected.estimatedCount', t('facts.affectedCount'), { type: 'number', min: '0', inputmode: 'numeric', value: facts.affected?.estimatedCount ?? '' }),
      checkboxes('affected.groups', t('facts.affectedGroups'), config.affectedGroups.map(term), facts.affected?.groups ?? [])),
    h('fieldset', {}, h('legend', {}, t('facts.recipients')),
      field('recipients.count', t('facts.recipientsCount'), { type: 'number', min: '0', inputmode: 'numeric', value: facts.recipients?.count ?? '' }),
      select('recipients.relationship', t('facts.relationship'), options('relationship', RELATIONSHIPS), facts.recipients?.relationship)),
    h('fieldset', {}, h('legend', {}, t('facts.containment')),
      select('containment.status', t('facts.containmentStatus'), options('containment', CONTAINMENT), facts.containment?.status ?? 'unknown'),
      checkbox('containment.recipientsAgreedToDestroyOrReturn', t('facts.agreedToDestroy'), facts.containment?.recipientsAgreedToDestroyOrReturn)),
    checkbox('physicalHarmPossible', t('facts.physicalHarm'), facts.physicalHarmPossible),
  ];
}

const number = v => (v === '' || v === null ? null : Number.isFinite(Number(v)) ? Number(v) : v);

/** The facts as the API takes them, from a form built by factsFields. */
export function readFacts(form) {
  const d = new FormData(form);
  const get = name => String(d.get(name) ?? '');
  const kind = get('occurred.kind') || 'unknown';
  const occurred = { kind };
  if (kind === 'date') occurred.on = officeLocalToIso(get('occurred.on'));
  if (kind === 'period') { occurred.from = officeLocalToIso(get('occurred.from')); occurred.to = officeLocalToIso(get('occurred.to')); }
  return {
    publicBodies: [{ name: get('publicBodies[0].name'), holds: get('publicBodies[0].holds') }],
    occurred,
    discovered: officeLocalToIso(get('discovered')),
    determined: officeLocalToIso(get('determined')),
    cause: get('cause'),
    personalInformation: d.getAll('personalInformation').map(String),
    affected: { estimatedCount: number(get('affected.estimatedCount')), groups: d.getAll('affected.groups').map(String) },
    recipients: { count: number(get('recipients.count')), relationship: get('recipients.relationship') },
    containment: { status: get('containment.status'), recipientsAgreedToDestroyOrReturn: d.get('containment.recipientsAgreedToDestroyOrReturn') === 'on' },
    physicalHarmPossible: d.get('physicalHarmPossible') === 'on',
  };
}
