// Notices: the English and French content (summary, steps for the person, optional templates), submitted by an officer
// with the linter's findings beside the fields; a preview of the email and the letter for one person of the import; and
// approval by an approver.
import { h, clear } from './dom.js';
import { t, label, formatTime } from './i18n.js';
import { api, ApiError } from './api.js';
import { field, select, busy } from './forms.js';
import { facts, actionForm, actionButton } from './sections.js';

const LANGS = ['en', 'fr'];

/** The same content (what an approval would pin) compared field by field. */
function sameContent(a, b) {
  return !!a && !!b && JSON.stringify([a.summary, a.stepsForPerson, a.templateVersion, a.templates ?? null])
    === JSON.stringify([b.summary, b.stepsForPerson, b.templateVersion, b.templates ?? null]);
}

function contentView(content, prefix) {
  return LANGS.map(lang => h('div', { class: 'content-lang', id: `${prefix}-${lang}` },
    h('h4', {}, t(`notices.lang.${lang}`)),
    h('p', { lang }, content.summary?.[lang] ?? ''),
    h('ol', { lang }, (content.stepsForPerson?.[lang] ?? []).map(s => h('li', {}, s))),
    content.templates ? h('p', { class: 'hint' }, t('notices.ownTemplates')) : null));
}

function readContent(form) {
  const d = new FormData(form);
  const text = name => String(d.get(name) ?? '');
  const steps = name => text(name).split(/\r?\n/).map(s => s.trim()).filter(Boolean);
  const body = {
    summary: { en: text('summary.en'), fr: text('summary.fr') },
    stepsForPerson: { en: steps('stepsForPerson.en'), fr: steps('stepsForPerson.fr') },
  };
  const parts = ['templates.en.subject', 'templates.en.body', 'templates.fr.subject', 'templates.fr.body'];
  if (parts.some(p => text(p).trim())) {
    body.templates = { en: { subject: text(parts[0]), body: text(parts[1]) }, fr: { subject: text(parts[2]), body: text(parts[3]) } };
  }
  return body;
}

function contentForm(path, current) {
  const c = current ?? {};
  const children = [
    h('fieldset', {}, h('legend', {}, t('notices.lang.en')),
      field('summary.en', t('notices.summary'), { tag: 'textarea', value: c.summary?.en ?? '', lang: 'en' }, t('notices.summaryHint')),
      field('stepsForPerson.en', t('notices.steps'), { tag: 'textarea', value: (c.stepsForPerson?.en ?? []).join('\n'), lang: 'en' }, t('notices.stepsHint'))),
    h('fieldset', {}, h('legend', {}, t('notices.lang.fr')),
      field('summary.fr', t('notices.summary'), { tag: 'textarea', value: c.summary?.fr ?? '', lang: 'fr' }, t('notices.summaryHint')),
      field('stepsForPerson.fr', t('notices.steps'), { tag: 'textarea', value: (c.stepsForPerson?.fr ?? []).join('\n'), lang: 'fr' }, t('notices.stepsHint'))),
    h('details', { id: 'own-templates', open: !!c.templates }, h('summary', {}, t('notices.templates')),
      h('p', { class: 'hint' }, t('notices.templatesHint')),
      LANGS.map(lang => h('fieldset', {}, h('legend', {}, t(`notices.lang.${lang}`)),
        field(`templates.${lang}.subject`, t('notices.templateSubject'), { value: c.templates?.[lang]?.subject ?? '', lang }),
        field(`templates.${lang}.body`, t('notices.templateBody'), { tag: 'textarea', value: c.templates?.[lang]?.body ?? '', lang, class: 'template' })))),
  ];
  return actionForm({
    id: 'content-form', sectionId: 'notices', submit: t('notices.submit'), children,
    request: form => [`${path}/notices/content`, { method: 'POST', body: readContent(form) }],
  });
}

function previewView(p) {
  const letter = p.letter;
  return h('div', { id: 'preview-result', class: 'preview' },
    h('p', { class: 'status-line' }, t('notices.previewFor', { line: p.line, channel: label('recipients.channel', p.channel), language: t(`notices.lang.${p.language}`) }),
      p.toGuardian ? ` ${t('notices.toGuardian')}` : ''),
    p.blocked
      ? h('div', { class: 'error-summary', id: 'preview-findings' }, h('h4', {}, t('notices.previewBlocked')),
        h('ul', {}, p.findings.map(f => h('li', {}, h('span', { class: 'badge' }, f.code), ' ', f.message))))
      : h('p', { id: 'preview-findings' }, `✔ ${t('notices.previewClean')}`),
    h('div', { class: 'preview-pair' },
      h('figure', { id: 'preview-email', lang: p.language },
        h('figcaption', {}, t('notices.previewEmail')),
        h('p', {}, h('strong', {}, t('notices.subject')), ' ', p.email.subject),
        h('pre', { tabindex: '0', 'aria-label': t('notices.previewEmailBody') }, p.email.body)),
      h('figure', { id: 'preview-letter', lang: p.language },
        h('figcaption', {}, t('notices.previewLetter')),
        h('address', {}, [letter.addressedTo, ...letter.address].filter(Boolean).map(l => h('span', { class: 'line' }, l))),
        h('p', {}, h('strong', {}, letter.subject)),
        h('pre', { tabindex: '0', 'aria-label': t('notices.previewLetterBody') }, letter.body))));
}

function previewForm(path, hasApproved) {
  const out = h('div', { id: 'preview-output', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', id: 'preview-submit' }, t('notices.previewShow'));
  const form = h('form', { id: 'preview-form', novalidate: true, 'aria-labelledby': 'preview-h' },
    h('div', { class: 'filters' },
      field('line', t('notices.previewLine'), { id: 'f-preview-line', type: 'number', min: '2', step: '1', inputmode: 'numeric' }, t('notices.previewLineHint')),
      hasApproved ? select('content', t('notices.previewContent'), [['submitted', t('notices.submitted')], ['approved', t('notices.approved')]], 'submitted') : null,
      h('div', { class: 'actions' }, button)));
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(button, async () => {
      const d = new FormData(form);
      const query = new URLSearchParams();
      if (String(d.get('line') ?? '').trim()) query.set('line', String(d.get('line')).trim());
      if (d.get('content')) query.set('content', String(d.get('content')));
      clear(out);
      try {
        out.append(previewView(await api(`${path}/notices/preview?${query}`)));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const messages = Object.values(err.problem.errors ?? {}).flat();
        out.append(h('div', { class: 'error-summary', role: 'alert', id: 'preview-problem' },
          h('p', {}, messages.length ? messages.join(' ') : err.problem.detail ?? err.problem.title)));
      }
    });
  });
  return [h('h3', { id: 'preview-h' }, t('notices.preview')), form, out];
}

export function noticesSection({ incident, path, can }) {
  const state = incident.noticeContent;
  const submitted = state?.submitted;
  const approved = state?.approved;
  const upToDate = sameContent(submitted, approved);
  const hold = incident.noticeContentHold;
  const out = [];
  if (!submitted) out.push(h('p', { id: 'notices-status' }, t('notices.none')));
  else {
    out.push(h('p', { class: 'status-line', id: 'notices-status' },
      approved
        ? upToDate ? `✔ ${t('notices.approvedAt', { at: formatTime(state.approvedAt) })}` : `○ ${t('notices.changedSinceApproval', { at: formatTime(state.approvedAt) })}`
        : `○ ${t('notices.awaitingApproval', { at: formatTime(state.submittedAt) })}`),
    facts([[t('notices.templateVersion'), submitted.templateVersion], [t('notices.submittedAt'), formatTime(state.submittedAt)]]),
    h('h3', {}, t('notices.submittedContent')), contentView(submitted, 'content'));
  }
  if (hold?.findings?.length) {
    out.push(h('div', { class: 'error-summary', id: 'notices-hold', role: 'status' }, h('h3', {}, t('notices.held')),
      h('ul', {}, hold.findings.map(f => h('li', {}, t('notices.heldFinding', { target: label('notices.target', f.target), field: f.field, kind: f.kind }))))));
  }
  const open = incident.status !== 'closed' && !incident.contactDataPurgedAt;
  if (can.approver && open && submitted && !upToDate) {
    out.push(h('div', { class: 'actions' }, actionButton({ id: 'approve-notices', sectionId: 'notices', label: t('notices.approve'),
      request: () => [`${path}/notices/approve`, { method: 'POST', body: { templateVersion: submitted.templateVersion } }] })));
  }
  if ((can.officer || can.approver) && submitted && incident.recipients && !incident.contactDataPurgedAt) out.push(previewForm(path, !!approved));
  if (can.officer && open) {
    out.push(h('details', { id: 'edit-content', open: !submitted }, h('summary', {}, submitted ? t('notices.edit') : t('notices.write')), contentForm(path, submitted)));
  }
  return out;
}
