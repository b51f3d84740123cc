// Containment: each task, "n of m wrong recipients confirmed deletion" for a misdirected email; add and complete tasks.
import { h } from './dom.js';
import { t, formatTime, officeLocalToIso } from './i18n.js';
import { field, select } from './forms.js';
import { actionForm } from './sections.js';

export function containmentSection({ incident, path, can }) {
  const tasks = incident.tasks ?? [];
  const act = can.officer && incident.status !== 'closed';
  const rows = tasks.map(task => {
    const progress = task.kind === 'deletionConfirmation'
      ? h('p', {}, t('containment.confirmed', { n: task.confirmed, m: task.wrongRecipients })) : null;
    const actions = [];
    if (act && !task.done) {
      actions.push(actionForm({
        id: `complete-${task.taskId}`, sectionId: 'containment', submit: t('containment.complete'),
        children: [field(`note`, t('containment.note'), { id: `f-note-${task.taskId}` })],
        request: form => [`${path}/containment/tasks/${encodeURIComponent(task.taskId)}/complete`, { method: 'POST', body: { note: String(new FormData(form).get('note')) } }],
      }));
      if (task.kind === 'deletionConfirmation') {
        actions.push(h('details', {}, h('summary', {}, t('containment.addWrongRecipient')), actionForm({
          id: `wrong-${task.taskId}`, sectionId: 'containment', submit: t('containment.sendRequest'),
          children: [field('recipients[0].email', t('containment.wrongEmail'), { type: 'email' }),
            select('recipients[0].language', t('containment.language'), [['en', 'English'], ['fr', 'Français']], 'en')],
          request: form => { const d = new FormData(form); return [`${path}/containment/tasks/${encodeURIComponent(task.taskId)}/wrong-recipients`,
            { method: 'POST', body: { recipients: [{ email: String(d.get('recipients[0].email')), language: String(d.get('recipients[0].language')) }] } }]; },
        })));
      }
    }
    return h('li', { dataset: { task: task.taskId } },
      h('p', { class: 'status-line' }, task.done ? `✔ ${t('containment.done')}: ` : `○ ${t('containment.open')}: `, task.title),
      h('p', { class: 'hint' }, t('containment.meta', { owner: task.owner, due: formatTime(task.dueAt) }),
        task.done ? ` ${t('containment.doneAt', { at: formatTime(task.doneAt) })}` : ''),
      task.note ? h('p', {}, t('containment.noteText', { note: task.note })) : null,
      progress, actions);
  });
  const out = [h('p', {}, incident.containedAt ? t('containment.contained', { at: formatTime(incident.containedAt) }) : t('containment.notYet')),
    h('ul', { id: 'tasks' }, rows)];
  if (act) {
    out.push(h('details', {}, h('summary', {}, t('containment.add')), actionForm({
      id: 'add-task', sectionId: 'containment', submit: t('containment.addSubmit'),
      children: [field('title', t('containment.taskTitle'), { id: 'f-task-title' }), field('owner', t('containment.owner'), { id: 'f-task-owner', value: 'PrivacyOfficer' }),
        field('dueAt', t('containment.due'), { id: 'f-task-due', type: 'datetime-local' })],
      request: form => { const d = new FormData(form); return [`${path}/containment/tasks`,
        { method: 'POST', body: { title: String(d.get('title')), owner: String(d.get('owner')), dueAt: officeLocalToIso(String(d.get('dueAt'))) } }]; },
    })));
  }
  return out;
}
