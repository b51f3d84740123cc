// The dashboard's Commissioner's report, letters and indirect-notice sections, and the main flow in French, run by
// DashboardCommissionerBrowserTests: node commissioner.mjs <app base URL> <screenshot folder>. The state before each step
// under test is set up through the API from the page (the signed-in session's token, or a development token for another
// role). Prints PASS/FAIL per scenario; exits 1 when any failed.
import { launch, Run, assert, local, signIn, until } from './harness.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) { console.error('usage: node commissioner.mjs <base URL> <screenshot folder>'); process.exit(2); }

/** An API call from the page: the signed-in session's token, or a fresh development token for `role`. */
function call(page, path, { method = 'GET', body, role, type } = {}) {
  return page.evaluate(async ({ path, method, body, role, type }) => {
    let token = JSON.parse(sessionStorage.getItem('session')).token;
    if (role) {
      const res = await fetch('api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
      token = (await res.json()).token;
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = type ?? 'application/json';
    const res = await fetch(`api/${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let data;
    try { data = JSON.parse(text); } catch { data = text; }
    return { status: res.status, data };
  }, { path, method, body, role, type });
}

async function ok(page, path, options) {
  const r = await call(page, path, options);
  if (r.status >= 300) throw new Error(`${options?.method ?? 'GET'} ${path} answered ${r.status}: ${JSON.stringify(r.data)}`);
  return r.data;
}

async function eventually(what, probe, tries = 120) {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${what} never happened`);
}

const iso = days => new Date(Date.now() + days * 86400000).toISOString();

/** A misdirected email of names and application numbers to unrelated people: significant harm, confirmed; the draft report is written. */
async function notifyingIncident(page, title) {
  const created = await ok(page, 'incidents', { method: 'POST', body: {
    title, description: 'A client list was emailed to two wrong addresses.',
    reporter: { name: 'Pat Officer', email: 'pat.officer@example.test', phone: null },
    publicBodies: [{ name: 'Ministry of Examples', holds: 'custodyAndControl' }],
    occurred: { kind: 'date', on: iso(-3) }, discovered: iso(-1), cause: 'misdirectedEmail',
    personalInformation: ['name', 'applicationNumber', 'clientId'], affected: { estimatedCount: 40, groups: [] },
    recipients: { count: 12, relationship: 'unrelatedIndividuals' }, containment: { status: 'notContained', recipientsAgreedToDestroyOrReturn: false },
    physicalHarmPossible: false,
  } });
  const id = created.id;
  await eventually(`the assessment of ${title}`, async () => (await ok(page, `incidents/${id}`)).awaitingDecision);
  await ok(page, `incidents/${id}/assessment/decision`, { method: 'POST', body: { decision: 'confirm' } });
  await eventually(`the report draft of ${title}`, async () => (await call(page, `incidents/${id}/commissioner-report`)).status === 200);
  return id;
}

const CONTENT = {
  summary: { en: 'A report listing clients was mailed to the wrong address.', fr: 'Un rapport énumérant des clients a été posté à la mauvaise adresse.' },
  stepsForPerson: { en: ['Watch your accounts for unusual activity.'], fr: ['Surveillez vos comptes pour toute activité inhabituelle.'] },
};

async function approveContent(page, id) {
  await ok(page, `incidents/${id}/notices/content`, { method: 'POST', body: CONTENT });
  await ok(page, `incidents/${id}/notices/approve`, { method: 'POST', role: 'Approver' });
}

/** One person by email and two by letter (a postal address, no email). */
const CSV = [
  'person_id,given_name,family_name,email,postal_address,language,jurisdiction,identifiers,guardian_email,withhold,withhold_reason',
  'L-400000,Givenaaa,Familyaaa,p0.dash@example.test,,en,BC,client:880002,,,',
  'L-400001,Givenaab,Familyaab,,"101 Fictional Street aab, Victoria BC V8V 1A1",fr,BC,client:880003,,,',
  'L-400002,Givenaac,Familyaac,,"102 Fictional Street aac, Victoria BC V8V 2A2",en,BC,client:880004,,,',
].join('\n');

const browser = await launch();
const run = new Run(shots, browser);
const page = browser.context.pages()[0] ?? await browser.context.newPage();
const stamp = Date.now();
const ids = {};
/** A picture of one section alone, for the README (docs/screenshots/). */
const part = (selector, name) => page.locator(selector).screenshot({ path: `${shots}/${name}.png` });
const open = async id => { await page.goto(`${base}#/incidents/${encodeURIComponent(id)}`); await page.waitForSelector('#sec-history'); };

await run.scenario('set up three notifying incidents through the API', async () => {
  await signIn(page, base, 'PrivacyOfficer');
  [ids.report, ids.letters, ids.indirect] = await Promise.all(
    ['Report approval', 'Letters', 'Indirect notice'].map(t => notifyingIncident(page, `${t} ${stamp}`)));
  await ok(page, `incidents/${ids.letters}/recipients`, { method: 'POST', body: CSV, type: 'text/csv' });
  await approveContent(page, ids.letters);
  await approveContent(page, ids.indirect);
});

await run.scenario('an approver approves the Commissioner\'s report and sees the sent text', async () => {
  await open(ids.report);
  assert(!(await page.$('#approve-report-submit')), 'the officer sees the approve button');
  await signIn(page, base, 'Approver');
  await open(ids.report);
  const draft = await page.textContent('#report-draft-text');
  assert(draft.length > 100, `no draft text: ${draft}`);
  assert(/report 1 \(first report\)/.test(await page.textContent('#report-draft-h')), 'the draft is not named as the first report');
  await page.locator('#sec-commissioner').scrollIntoViewIfNeeded();
  await run.screen(page, 'commissioner-draft');
  await page.click('#approve-report-submit');
  await until(page, '#reports-sent li[data-number="1"]');
  const sent = await page.textContent('#report-sent-1');
  assert(sent === draft, 'the sent text is not the approved draft');
  assert(/Report 1 \(first report\), sent .*GMT[−+-]\d/.test(await page.textContent('#reports-sent li .status-line')), 'no sent time with its offset');
  assert(!(await page.$('#approve-report-submit')), 'the approve button is still offered once sent');
  await page.locator('#sec-commissioner').scrollIntoViewIfNeeded();
  await run.screen(page, 'commissioner-sent');
  await part('#sec-commissioner', 'commissioner-section');
});

await run.scenario('the officer exports letters and records a returned letter', async () => {
  await signIn(page, base, 'PrivacyOfficer');
  await open(ids.letters);
  assert((await page.textContent('#sec-letters dl')).includes('2'), 'the letter people are not counted');
  await page.click('#letters-blocked-show');
  await page.waitForSelector('#letters-blocked p');
  assert(/0 of 2/.test(await page.textContent('#letters-blocked')), `blocked: ${await page.textContent('#letters-blocked')}`);
  await run.screen(page, 'letters');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#letters-export-csv')]);
  assert(download.suggestedFilename() === `letters-${ids.letters}.csv`, `file name ${download.suggestedFilename()}`);
  const file = await download.path();
  const csv = (await import('node:fs')).readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  assert(/^"?PersonId"?,/.test(csv) && csv.includes('L-400001') && csv.includes('L-400002') && !csv.includes('L-400000'),
    `the CSV does not hold the two letters: ${csv.slice(0, 120)}`);
  await page.waitForSelector('#letters-file');
  assert(/2 letters, 0 blocked/.test(await page.textContent('#letters-file')), `counts: ${await page.textContent('#letters-file')}`);
  assert(await page.evaluate(() => document.activeElement?.id) === 'letters-file', 'focus does not go to the export result');
  const [html] = await Promise.all([page.waitForEvent('download'), page.click('#letters-export-html')]);
  assert(html.suggestedFilename().endsWith('.html'), `HTML file name ${html.suggestedFilename()}`);

  await page.waitForSelector('#returned-form');
  await page.fill('#returned-form-f-personIds', 'L-400001\nL-400000'); // the second one was emailed, not written to
  await page.click('#returned-form-submit');
  await page.waitForSelector('#returned-form .error-summary');
  const error = await page.textContent('#returned-form [data-field="personIds"] .field-error');
  assert(/Line 2 \(L-400000\):.*not a person of the current import notified by letter/i.test(error), `no field error for the second id: ${error}`);
  assert(await page.getAttribute('#returned-form-f-personIds', 'aria-invalid') === 'true', 'the box is not marked invalid');
  await page.locator('#returned-form').scrollIntoViewIfNeeded();
  await run.screen(page, 'letters-returned-error');
  await part('#sec-letters', 'letters-section');
  await page.fill('#returned-form-f-personIds', 'L-400001');
  await page.selectOption('#returned-form-f-reason', 'moved');
  await page.click('#returned-form-submit');
  await page.waitForSelector('#timeline li:has-text("Letters returned")');
  assert(/Letters returned\s*1/.test(await page.textContent('#sec-letters dl')), 'the returned letter is not counted');
  await page.locator('#sec-letters').scrollIntoViewIfNeeded();
  await run.screen(page, 'letters-returned');
});

await run.scenario('the officer switches to indirect notice and the link opens the public page', async () => {
  await open(ids.indirect);
  await page.waitForSelector('#public-notice-link');
  await page.click('#indirect-review'); // no trigger, no reason: confirm, and the API says what is missing
  await page.click('#indirect-confirm');
  await page.waitForSelector('#indirect-form .error-summary');
  assert(await page.isVisible('#indirect-form [data-field="trigger"] .field-error'), 'no error beside the trigger');
  assert(await page.isVisible('#indirect-form [data-field="reason"] .field-error'), 'no error beside the reason');
  await page.selectOption('#f-trigger', 'reachesSooner');
  await page.fill('#f-indirect-reason', 'The public notice reaches the clients sooner than letters.');
  await page.click('#indirect-review');
  await page.waitForSelector('#indirect-confirm-box:not([hidden])');
  assert(await page.evaluate(() => document.activeElement?.id) === 'indirect-confirm-text', 'focus does not move to the confirmation');
  assert(/cannot be undone/.test(await page.textContent('#indirect-confirm-box')), 'the confirmation does not say it is irreversible');
  await page.locator('#sec-indirect').scrollIntoViewIfNeeded();
  await run.screen(page, 'indirect-confirm');
  await part('#sec-indirect', 'indirect-section');
  await page.click('#indirect-cancel'); // cancelling sends nothing
  assert(await page.isHidden('#indirect-confirm-box'), 'cancel does not close the confirmation');
  assert(!(await page.$('#indirect-chosen')), 'cancel switched');
  await page.click('#indirect-review');
  await page.click('#indirect-confirm');
  await page.waitForSelector('#indirect-chosen');
  assert(!(await page.$('#indirect-form')), 'the switch is still offered after it was made');
  assert((await page.textContent('#sec-indirect dl')).includes('The public notice reaches the clients sooner than letters.'), 'the reason is not shown');
  await page.locator('#sec-indirect').scrollIntoViewIfNeeded();
  await run.screen(page, 'indirect');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.click('#public-notice-link')]);
  await popup.waitForLoadState();
  assert(new URL(popup.url()).pathname === `/api/public/notices/${ids.indirect}`, `the link opened ${popup.url()}`);
  const text = await popup.textContent('body');
  assert(text.includes(CONTENT.summary.en) && text.includes(CONTENT.summary.fr), 'the public page does not carry the notice in English and French');
  // The public page is a screen the affected people read: it gets the same accessibility check.
  await run.screen(popup, 'public-notice');
  await popup.close();
});

await run.scenario('an auditor sees these sections read-only', async () => {
  await signIn(page, base, 'Auditor');
  for (const id of [ids.letters, ids.indirect]) {
    await open(id);
    const controls = await page.locator('#sec-commissioner button, #sec-letters button, #sec-letters form, #sec-indirect button, #sec-indirect form').count();
    assert(controls === 0, `the auditor sees ${controls} action controls`);
  }
  const status = (await call(page, `incidents/${ids.letters}/letters/returned`, { method: 'POST', body: { personIds: ['L-400002'] } })).status;
  assert(status === 403, `the API answered ${status} to an auditor's returned letters`);
  await run.screen(page, 'incident-sections-auditor');
});

await run.scenario('the main flow in French: report with a French field error, then the assessment confirmed', async () => {
  await signIn(page, base, 'PrivacyOfficer');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('a[href="#/report"]');
  await page.waitForSelector('#report-form');
  assert((await page.textContent('h1')) === 'Signaler une atteinte', `the form is not in French: ${await page.textContent('h1')}`);
  const title = `Courriel mal acheminé ${stamp}`;
  await page.fill('#f-title', title);
  await page.fill('#f-description', 'Une liste de clients a été envoyée à deux mauvaises adresses.');
  await page.fill('#f-reporter-name', 'Camille Agente');
  await page.fill('#f-reporter-email', 'camille.agente@example.test');
  await page.fill('#f-publicBodies-0-name', 'Ministère des Exemples');
  await page.fill('#f-occurred-on', local(-3));
  await page.fill('#f-discovered', local(2)); // in the future
  await page.selectOption('#f-cause', 'misdirectedEmail');
  await page.check('input[name="personalInformation"][value="name"]');
  await page.check('input[name="personalInformation"][value="applicationNumber"]');
  await page.fill('#f-affected-estimatedCount', '40');
  await page.fill('#f-recipients-count', '2');
  await page.selectOption('#f-containment-status', 'notContained');
  await page.click('#report-submit');
  await page.waitForSelector('.error-summary');
  const beside = await page.textContent('[data-field="discovered"] .field-error');
  assert(beside === 'Ne peut pas être dans le futur.', `the field error is not in French: ${beside}`);
  assert((await page.textContent('.error-summary h2')) === 'Il y a un problème' || /probl/i.test(await page.textContent('.error-summary h2')), 'the summary is not in French');
  await run.screen(page, 'report-errors-fr');
  await page.click('.error-summary a');
  assert(await page.evaluate(() => document.activeElement.id) === 'f-discovered', 'the summary link does not move focus to the field');
  await page.fill('#f-discovered', local(-2));
  await page.click('#report-submit');
  await page.waitForSelector('#sec-facts');
  assert((await page.textContent('h1')) === title, 'the incident page does not show the title');
  await until(page, '#confirm-submit');
  assert((await page.textContent('#confirm-submit')) === "Confirmer l'évaluation", 'the confirm button is not in French');
  const factors = await page.locator('#factors tbody th').allTextContents();
  assert(factors.length > 0 && factors.some(f => ['Sensibilité', 'Destinataires', 'Confinement', 'Cause', 'Combinaison'].includes(f)), `the factors are not in French: ${factors}`);
  assert(/Proposé|Proposée/.test(await page.textContent('#proposal')), `the proposal is not in French: ${await page.textContent('#proposal')}`);
  await page.locator('#sec-assessment').scrollIntoViewIfNeeded();
  await run.screen(page, 'assessment-fr');
  await part('#sec-assessment', 'assessment-fr-section');
  await page.click('#confirm-submit');
  await page.waitForSelector('#decision');
  assert(/^Confirmée/.test(await page.textContent('#decision')), `the decision is not in French: ${await page.textContent('#decision')}`);
  await until(page, '#report-draft-text');
  assert((await page.textContent('#sec-commissioner-h')) === 'Rapport au commissaire', 'the report section is not in French');
  assert(/Ébauche : rapport 1/.test(await page.textContent('#report-draft-h')), 'the draft heading is not in French');
  await run.screen(page, 'incident-fr-sections');
});

if (browser.problems.length) run.results.push({ name: 'no page errors', ok: false, error: browser.problems.join('\n') });
await browser.close();
const failed = run.results.filter(r => !r.ok);
console.log(`RESULT ${JSON.stringify({ passed: run.results.length - failed.length, failed: failed.length, failures: failed })}`);
process.exit(failed.length ? 1 : 0);
