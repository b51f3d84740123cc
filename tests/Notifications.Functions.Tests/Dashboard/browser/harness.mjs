// The browser harness: Debian's chromium through playwright-core (no Playwright browser download), a fresh profile per
// run, axe-core injected for the accessibility check, and a screenshot of every screen.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.DASHBOARD_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-browser.sh (apt-get install chromium).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 }, locale: 'en-CA',
  });
  const problems = [];
  // The last API calls (method, path, status), printed when a scenario fails: did the page ask, and what came back?
  const calls = [];
  const note = text => { calls.push(`${new Date().toISOString().slice(11, 23)} ${text}`); if (calls.length > 30) calls.shift(); };
  context.on('page', watch);
  context.pages().forEach(watch);
  function watch(page) {
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('console', m => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`); });
    const apiPath = r => { const p = new URL(r.url()).pathname; return p.includes('/api/') ? p : null; };
    const call = (r, what) => { const p = apiPath(r); if (p) note(`${r.method()} ${p} ${what}`); };
    page.on('request', r => call(r, 'sent'));
    page.on('response', r => {
      if (process.env.DASHBOARD_DEBUG) console.log('response', r.status(), r.request().method(), r.url());
      call(r.request(), r.status());
    });
    page.on('requestfailed', r => call(r, `failed: ${r.failure()?.errorText}`));
  }
  return {
    context, problems, calls,
    async close() { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

/**
 * The basic accessibility checks on the current screen: axe-core's serious and critical violations (WCAG 2.1 A and AA),
 * plus one h1 (or one per language section), a lang attribute, and a label for every input.
 */
export async function checkAccessibility(page, screen) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  });
  const basics = await page.evaluate(() => {
    const out = [];
    // One h1; a bilingual page (the public notice) has one in each language's section instead.
    const h1s = document.querySelectorAll('h1').length;
    const sections = [...document.querySelectorAll('section[lang]')];
    const bilingual = sections.length > 1 && h1s === sections.length && sections.every(s => s.querySelectorAll('h1').length === 1);
    if (h1s !== 1 && !bilingual) out.push(`h1 count ${h1s}`);
    if (!document.documentElement.lang) out.push('no lang attribute');
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'hidden') continue;
      const labelled = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.closest('label') || el.getAttribute('aria-label');
      if (!labelled) out.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id || el.name}`);
    }
    return out;
  });
  const all = [...result, ...basics];
  if (all.length) throw new Error(`accessibility on ${screen}: ${all.join('; ')}`);
  return result.length;
}

export class Run {
  /** `browser` (from launch) lets a failed scenario say what the page last asked the API and looked like. */
  constructor(shots, browser) { this.shots = shots; this.browser = browser; this.results = []; fs.mkdirSync(shots, { recursive: true }); }

  async screen(page, name) {
    await page.screenshot({ path: path.join(this.shots, `${name}.png`), fullPage: true });
    await checkAccessibility(page, name);
  }

  /** What the page showed when a scenario failed: a screenshot beside the others, its route, focus and busy buttons. */
  async describeFailure(name) {
    const lines = [];
    const page = this.browser?.context.pages().findLast(p => !p.isClosed());
    if (page) {
      const file = `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
      await page.screenshot({ path: path.join(this.shots, file), fullPage: true }).catch(() => {});
      const state = await page.evaluate(() => ({
        hash: location.hash, ready: document.body.dataset.ready, focus: document.activeElement?.id || document.activeElement?.tagName,
        busy: [...document.querySelectorAll('button[disabled], [aria-busy="true"]')].map(b => b.id || b.textContent.trim()).slice(0, 5),
        alerts: [...document.querySelectorAll('[role="alert"], .error-summary')].map(a => a.textContent.trim().slice(0, 120)).slice(0, 3),
      })).catch(e => ({ unreadable: String(e) }));
      lines.push(`  screenshot ${file}; page ${JSON.stringify(state)}`);
    }
    if (this.browser?.calls.length) lines.push(`  last API calls:\n    ${this.browser.calls.join('\n    ')}`);
    return lines.join('\n');
  }

  async scenario(name, body) {
    const started = Date.now();
    try {
      await body();
      this.results.push({ name, ok: true, ms: Date.now() - started });
      console.log(`PASS ${name}`);
    } catch (error) {
      this.results.push({ name, ok: false, error: String(error?.stack ?? error) });
      console.log(`FAIL ${name}: ${error?.stack ?? error}\n${await this.describeFailure(name)}`);
    }
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const DAY = 86400000;

/** A datetime-local value `days` from now (the form reads it as the office's wall time; days of margin cover any offset). */
export const local = days => new Date(Date.now() + days * DAY).toISOString().slice(0, 16);

/** The register has answered (its count is said), even when it is empty. */
export const registerLoaded = page => page.waitForFunction(() => document.getElementById('register-count')?.textContent);

/** Signs in through the development sign-in as `role` (signing out first), and waits for the register. */
export async function signIn(page, base, role) {
  await page.goto(base);
  if (await page.isVisible('#sign-out')) await page.click('#sign-out');
  await page.waitForSelector('#sign-in');
  await page.check(`input[name="role"][value="${role}"]`);
  await page.click('#sign-in');
  await registerLoaded(page);
}

/** Reloads the incident page until `selector` shows (the workflow decides a moment after a command). */
export async function until(page, selector, tries = 60) {
  for (let i = 0; i < tries; i++) {
    if (await page.$(selector)) return;
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForSelector('#sec-history');
  }
  throw new Error(`${selector} never appeared`);
}

/** Calls the API from the page with the signed-in session's token (for setting an incident up fast, not for the steps under test). */
export function callApi(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const s = JSON.parse(sessionStorage.getItem('session'));
    const res = await fetch(`api/${path}`, {
      method, headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text, location: res.headers.get('Location') };
  }, { method, path, body });
}

/** Polls `probe` every half second until it returns a truthy value; throws with `what` after `tries`. */
export async function eventually(page, what, probe, tries = 120) {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await page.waitForTimeout(500);
  }
  throw new Error(`${what} never happened`);
}
