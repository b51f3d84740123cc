// The dashboard: a hash router over four screens. Every screen has one h1; every string comes from i18n/*.json.
import { h, clear } from './dom.js';
import { loadStrings, setLanguage, language, setTimeZone, t } from './i18n.js';
import { session, signOut, completeEntra } from './auth.js';
import { renderSignIn } from './signin.js';
import { renderRegister } from './register.js';
import { renderReport } from './report.js';
import { renderIncident } from './incident.js';

const main = document.getElementById('main');
let config;
let routes = 0;

export function appConfig() { return config; }

/** Renders the current screen again (after an action changed what the API holds). */
export async function refresh(focusId) {
  await route();
  const el = focusId && document.getElementById(focusId);
  if (el) { el.setAttribute('tabindex', '-1'); el.focus(); }
}

export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function chrome() {
  const s = session();
  document.title = t('app.title');
  document.getElementById('brand').textContent = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  const sw = document.getElementById('lang-switch');
  sw.textContent = language() === 'fr' ? 'English' : 'Français';
  sw.lang = language() === 'fr' ? 'en' : 'fr';
  const out = document.getElementById('sign-out');
  out.textContent = t('app.signOut');
  out.hidden = !s;
  document.getElementById('who').textContent = s ? t('app.signedInAs', { roles: s.roles.map(r => t(`role.${r}`)).join(', ') }) : '';
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('app.nav'));
  if (s) {
    nav.append(h('a', { href: '#/' }, t('nav.register')));
    if (s.roles.includes('PrivacyOfficer')) nav.append(h('a', { href: '#/report' }, t('nav.report')));
  }
}

async function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return; // an in-page link (error summary, table of contents)
  chrome();
  // Each screen is built off the page and shown once complete, and only the latest route's: two routes in flight (a
  // refresh after an action, then a link) would otherwise both append to main.
  const mine = ++routes;
  clear(main);
  const screen = document.createDocumentFragment();
  const s = session();
  try {
    if (!s) await renderSignIn(screen, config);
    else if (hash === '#/report') await renderReport(screen, config);
    else if (hash.startsWith('#/incidents/')) await renderIncident(screen, config, decodeURIComponent(hash.slice('#/incidents/'.length)));
    else await renderRegister(screen, config);
  } catch (error) {
    clear(screen).append(h('h1', {}, t('app.error')), h('p', { role: 'alert' }, error.message));
  }
  if (mine !== routes) return;
  clear(main).append(screen);
  document.body.dataset.ready = hash;
}

async function start() {
  config = await (await fetch('config.json')).json();
  setTimeZone(config.timeZone);
  await loadStrings();
  if (config.signIn === 'entra') {
    try { await completeEntra(config.entra); } catch (e) { console.error(e.message); }
  }
  document.getElementById('lang-switch').addEventListener('click', async () => {
    await setLanguage(language() === 'fr' ? 'en' : 'fr');
    await route();
  });
  document.getElementById('sign-out').addEventListener('click', () => { signOut(); navigate('#/'); });
  window.addEventListener('signed-out', () => { signOut(); route(); });
  window.addEventListener('hashchange', route);
  await route();
}

start();
