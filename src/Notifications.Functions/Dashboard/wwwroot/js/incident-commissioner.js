// The Commissioner's report: the draft awaiting approval, approval by an Approver, and every report sent (the first one
// and its follow-ups) with its text and the time it was sent.
import { h } from './dom.js';
import { t, formatTime } from './i18n.js';
import { api, ApiError } from './api.js';
import { facts, actionButton } from './sections.js';

const kindLabel = kind => t(kind === 'first' ? 'commissioner.kind.first' : 'commissioner.kind.followUp');

/** The report's text as the Commissioner reads it (plain text in English, line breaks kept). */
const reportText = (id, text) => h('pre', { class: 'report-text', id, lang: 'en' }, text);

export async function commissionerSection({ incident, path, can }) {
  let doc;
  try {
    doc = await api(`${path}/commissioner-report`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return h('p', { id: 'report-none' }, t('commissioner.none'));
    throw err;
  }
  const out = [];
  const draft = doc.draft;
  if (draft) {
    const approved = draft.approvedAt && draft.approvedText === draft.text;
    out.push(h('h3', { id: 'report-draft-h' }, t('commissioner.draftHeading', { number: draft.number, kind: kindLabel(draft.kind) })),
      facts([
        [t('commissioner.subject'), draft.subject],
        [t('commissioner.draftedAt'), formatTime(draft.draftedAt)],
        [t('commissioner.state'), approved ? t('commissioner.approvedSending', { at: formatTime(draft.approvedAt) }) : t('commissioner.awaitingApproval')],
      ]),
      reportText('report-draft-text', draft.text));
    if (can.approver && !approved && incident.status !== 'closed') {
      out.push(h('div', { class: 'actions' }, actionButton({
        id: 'approve-report', sectionId: 'commissioner', label: t('commissioner.approve'),
        request: () => [`${path}/commissioner-report/approve`, { method: 'POST' }],
      })));
    } else if (!approved && !can.approver) {
      out.push(h('p', { class: 'hint' }, t('commissioner.approverOnly')));
    }
  }
  const sent = doc.reports ?? [];
  out.push(h('h3', { id: 'report-sent-h' }, t('commissioner.sentHeading', { count: sent.length })));
  if (!sent.length) out.push(h('p', {}, t('commissioner.noneSent')));
  out.push(h('ol', { class: 'reports', id: 'reports-sent' }, sent.map(r => h('li', { dataset: { number: r.number } },
    h('p', { class: 'status-line' }, t('commissioner.sentLine', { number: r.number, kind: kindLabel(r.kind), at: formatTime(r.sentAt) })),
    facts([[t('commissioner.subject'), r.subject]]),
    reportText(`report-sent-${r.number}`, r.text)))));
  return out;
}
