// The sign-in screen: Entra ID in Azure; locally a development sign-in that picks a role (local only, absent with Auth__Authority).
import { h } from './dom.js';
import { t } from './i18n.js';
import { signInLocal, signInEntra } from './auth.js';
import { navigate } from './app.js';

export async function renderSignIn(main, config) {
  main.append(h('h1', {}, t('signin.title')));
  if (config.signIn === 'entra') {
    main.append(h('p', {}, t('signin.entraHint')),
      h('button', { type: 'button', id: 'entra-sign-in', onclick: () => signInEntra(config.entra) }, t('signin.entra')));
    return;
  }

  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'local-only', novalidate: true },
    h('p', { class: 'status-line' }, t('signin.localOnly')),
    h('fieldset', {},
      h('legend', {}, t('signin.role')),
      ['PrivacyOfficer', 'Approver', 'Auditor'].map((role, i) => h('label', { class: 'inline' },
        h('input', { type: 'radio', name: 'role', value: role, checked: i === 0 }), t(`role.${role}`)))),
    error,
    h('button', { type: 'submit', id: 'sign-in' }, t('signin.local')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await signInLocal(new FormData(form).get('role'));
      navigate('#/');
    } catch (err) {
      error.hidden = false;
      error.textContent = t('signin.failed');
    }
  });
  main.append(form);
}
