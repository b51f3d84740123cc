// Indirect notice: the switch of the whole incident to the public notice page, under one of the pack's triggers and with a
// reason, confirmed first because it cannot be undone; and the link to the public page once it is published.
import { h, clear } from './dom.js';
import { t, language, formatTime, formatNumber } from './i18n.js';
import { api, ApiError } from './api.js';
import { field, select, busy, showProblems, clearProblems } from './forms.js';
import { facts } from './sections.js';
import { refresh } from './app.js';

const triggerLabel = (config, code) => {
  const term = (config.indirectTriggers ?? []).find(x => x.code === code);
  return term ? (language() === 'fr' ? term.fr : term.en) : code;
};

/** The public page answers 200 once the notice content is approved (and passes the personal-information check). */
async function published(url) {
  try { return (await fetch(url, { method: 'GET', headers: { Accept: 'text/html' } })).ok; } catch { return false; }
}

function switchForm(config, path) {
  const triggers = config.indirectTriggers ?? [];
  const review = h('button', { type: 'submit', id: 'indirect-review' }, t('indirect.review'));
  const confirmBox = h('div', { class: 'confirm', id: 'indirect-confirm-box', role: 'group', 'aria-labelledby': 'indirect-confirm-text', hidden: true });
  const form = h('form', { id: 'indirect-form', novalidate: true },
    select('trigger', t('indirect.trigger'), [['', t('indirect.chooseTrigger')], ...triggers.map(x => [x.code, triggerLabel(config, x.code)])], ''),
    field('reason', t('indirect.reason'), { tag: 'textarea', id: 'f-indirect-reason', maxlength: '2000' }),
    h('div', { class: 'actions' }, review), confirmBox);
  const read = () => { const d = new FormData(form); return { trigger: String(d.get('trigger')), reason: String(d.get('reason')) }; };

  form.addEventListener('submit', e => {
    e.preventDefault();
    clearProblems(form);
    const choice = read();
    const yes = h('button', { type: 'button', id: 'indirect-confirm' }, t('indirect.confirm'));
    const no = h('button', { type: 'button', id: 'indirect-cancel', class: 'secondary' }, t('indirect.cancel'));
    clear(confirmBox).append(
      h('p', { id: 'indirect-confirm-text', class: 'status-line', tabindex: '-1' }, t('indirect.confirmText', {
        trigger: choice.trigger ? triggerLabel(config, choice.trigger) : t('indirect.noTrigger') })),
      h('div', { class: 'actions' }, yes, no));
    confirmBox.hidden = false;
    review.disabled = true;
    confirmBox.querySelector('p').focus();
    no.addEventListener('click', () => { confirmBox.hidden = true; review.disabled = false; review.focus(); });
    yes.addEventListener('click', () => busy(yes, async () => {
      try {
        await api(`${path}/notification/indirect`, { method: 'POST', body: choice });
        await refresh('sec-indirect-h');
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        confirmBox.hidden = true;
        review.disabled = false;
        showProblems(form, err.problem);
      }
    }));
  });
  return form;
}

export async function indirectSection({ config, incident, path, can }) {
  const url = `api/public/notices/${encodeURIComponent(incident.id)}`;
  const decision = incident.indirectNotice;
  const out = [];
  if (decision) {
    const c = decision.counts ?? incident.notices;
    out.push(h('p', { class: 'status-line', id: 'indirect-chosen' }, t('indirect.chosen', { at: formatTime(decision.at) })),
      facts([
        [t('indirect.trigger'), triggerLabel(config, decision.trigger)],
        [t('indirect.reason'), decision.reason],
        c ? [t('indirect.counts'), t('indirect.countsText', { direct: formatNumber(c.direct), letters: formatNumber(c.letters), indirect: formatNumber(c.indirect), withheld: formatNumber(c.withheld) })] : null,
      ]));
  } else {
    out.push(h('p', { id: 'indirect-none' }, t('indirect.notChosen')));
  }
  out.push(await published(url)
    ? h('p', {}, h('a', { href: url, id: 'public-notice-link', target: '_blank', rel: 'noopener' }, t('indirect.publicLink')), ' ', h('span', { class: 'hint' }, t('indirect.newTab')))
    : h('p', { class: 'hint', id: 'public-notice-unpublished' }, t('indirect.unpublished')));
  if (can.officer && !decision && incident.status === 'notifying' && !incident.noticesCompletedAt) {
    out.push(h('div', { class: 'subpart' }, h('h3', { id: 'indirect-switch-h' }, t('indirect.switchHeading')),
      h('p', {}, t('indirect.switchIntro')), switchForm(config, path)));
  }
  return out;
}
