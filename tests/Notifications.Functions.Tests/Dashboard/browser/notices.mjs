// The Recipients, Notices and Run sections in a real browser, run by DashboardNoticesBrowserTests against the local
// runtime on Azurite and maildev: node notices.mjs <app base URL> <screenshot folder> <tag>. The incident is set up
// (reported and confirmed) through the API from the page; every step under test goes through the page. The people's
// emails end in ".<tag>@example.test", so the test can find them in maildev. Prints PASS/FAIL per scenario.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, Run, assert, signIn, callApi, eventually } from './harness.mjs';

const [base, shots, tag] = process.argv.slice(2);
if (!base || !shots || !tag) { console.error('usage: node notices.mjs <base URL> <screenshot folder> <tag>'); process.exit(2); }

const DAY = 86400000;
const iso = days => new Date(Date.now() + days * DAY).toISOString();

// Six people: three by email, one by letter, one indirect (no contact), one withheld. Names are codes no notice carries.
const people = [
  { id: 'P-201', given: 'Givenaaa', family: 'Familyaaa', email: `aaa.${tag}@example.test`, postal: '' },
  { id: 'P-202', given: 'Givenbbb', family: 'Familybbb', email: `bbb.${tag}@example.test`, postal: '' },
  { id: 'P-203', given: 'Givenccc', family: 'Familyccc', email: `ccc.${tag}@example.test`, postal: '' },
  { id: 'P-204', given: 'Givenddd', family: 'Familyddd', email: '', postal: '4 Sample Road, Victoria BC V8V 0A4' },
  { id: 'P-205', given: 'Giveneee', family: 'Familyeee', email: '', postal: '' },
  { id: 'P-206', given: 'Givenfff', family: 'Familyfff', email: `fff.${tag}@example.test`, postal: '', withhold: 'Notice could reveal a location' },
];
const HEADER = 'person_id,given_name,family_name,email,postal_address,language,jurisdiction,identifiers,guardian_email,guardian_name,withhold,withhold_reason';
const quote = v => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const row = (p, email) => [p.id, p.given, p.family, email, quote(p.postal), 'en', 'BC', `client:${p.id.slice(2)}`, '', '', p.withhold ? 'true' : '', p.withhold ?? ''].join(',');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-notices-'));
const file = (name, text) => { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; };
const systemOfRecord = file('system-of-record.csv', ['person_id,email', ...people.map(p => `${p.id},${p.email}`)].join('\n') + '\n');
// The email column slipped one row down against the others (seed 000): each row carries the email of the row above.
const shifted = file('recipients-shifted.csv', [HEADER, ...people.map((p, i) => row(p, people[(i + people.length - 1) % people.length].email))].join('\n') + '\n');
const good = file('recipients.csv', [HEADER, ...people.map(p => row(p, p.email))].join('\n') + '\n');

const SUMMARY = 'A report listing clients was emailed to the wrong distribution list on a Tuesday.';
const SUMMARY_FR = 'Un rapport énumérant des clients a été envoyé à la mauvaise liste de distribution un mardi.';

const browser = await launch();
const run = new Run(shots, browser);
const page = browser.context.pages()[0] ?? await browser.context.newPage();
let id = '';
/** The screen's check and screenshot, plus a picture of the section alone (for the docs and for review). */
const screen = async (name, sectionId) => {
  await run.screen(page, name);
  await page.locator(`#sec-${sectionId}`).screenshot({ path: path.join(shots, `${name}.section.png`) });
};
const incidentPage = async () => {
  await page.goto(`${base}#/incidents/${encodeURIComponent(id)}`);
  await page.waitForSelector('#sec-run');
};

/** A misdirected email of names and client ids, reported and confirmed through the API: the incident is notifying. */
async function notifyingIncident() {
  const created = await callApi(page, 'POST', 'incidents', {
    title: `Notices ${tag}`, description: 'A client list was emailed to a wrong distribution list.',
    reporter: { name: 'Pat Officer', email: 'pat.officer@example.test' },
    publicBodies: [{ name: 'Ministry of Examples', holds: 'custodyAndControl' }],
    occurred: { kind: 'date', on: iso(-3) }, discovered: iso(-1), cause: 'misdirectedEmail',
    personalInformation: ['name', 'applicationNumber', 'clientId'], affected: { estimatedCount: 6, groups: [] },
    recipients: { count: 12, relationship: 'unrelatedIndividuals' },
    containment: { status: 'notContained', recipientsAgreedToDestroyOrReturn: false }, physicalHarmPossible: false,
  });
  assert(created.status < 300, `report: ${created.status} ${created.text}`);
  const incident = created.json?.id ?? /incidents\/([^/?]+)/.exec(created.location ?? '')?.[1];
  assert(incident, `no incident id in ${created.text}`);
  await eventually(page, 'the assessment proposal', async () => (await callApi(page, 'GET', `incidents/${incident}`)).json?.awaitingDecision);
  const decided = await callApi(page, 'POST', `incidents/${incident}/assessment/decision`, { decision: 'confirm' });
  assert(decided.status < 300, `confirm: ${decided.status} ${decided.text}`);
  await eventually(page, 'notifying', async () => (await callApi(page, 'GET', `incidents/${incident}`)).json?.status === 'notifying');
  return incident;
}

await run.scenario('recipients: a file whose emails slipped a row shows the block by line, a good file the counts by channel', async () => {
  await signIn(page, base, 'PrivacyOfficer');
  id = await notifyingIncident();
  await incidentPage();
  assert(await page.isVisible('#recipients-status'), 'no recipients status');
  assert(!(await page.$('#run-start-submit')), 'start is offered before anyone is imported');
  await screen('recipients-empty', 'recipients');
  await page.setInputFiles('#f-systemOfRecord', systemOfRecord);
  await page.setInputFiles('#f-recipients', shifted);
  await page.click('#import-submit');
  await page.waitForSelector('#shifted-rows');
  const block = await page.textContent('#shifted-rows');
  assert(/line 3/.test(block) && /shifted down/.test(block), `the shifted-rows block does not name the line: ${block}`);
  assert(await page.evaluate(() => document.activeElement?.id) === 'import-problems', 'focus did not move to the problems');
  const lines = await page.locator('#import-errors tbody th').allTextContents();
  assert(lines.includes('2') && lines.includes('7'), `the errors are not listed by line: ${lines.join(', ')}`);
  const columns = await page.locator('#import-errors tbody td:nth-of-type(2)').allTextContents();
  assert(columns.includes('email'), `the errors do not name the column: ${columns.join(', ')}`);
  assert(!(await page.$('#channel-counts')), 'a rejected file shows counts');
  await screen('recipients-shifted', 'recipients');

  await page.setInputFiles('#f-recipients', good);
  await page.click('#import-submit');
  await page.waitForSelector('#channel-counts');
  const counts = Object.fromEntries(await page.locator('#channel-counts tbody tr').evaluateAll(rows =>
    rows.map(r => [r.dataset.channel, r.querySelector('td').textContent])));
  assert(counts.email === '3' && counts.letter === '1' && counts.indirect === '1' && counts.withheld === '1', `counts by channel: ${JSON.stringify(counts)}`);
  assert(/6 people/.test(await page.textContent('#recipients-status')), 'the status does not say 6 people');
  await screen('recipients-imported', 'recipients');
});

await run.scenario('notices: a pasted SIN is found beside its field, fixed, and the preview shows one person\'s email and letter', async () => {
  await incidentPage();
  assert(await page.isVisible('#content-form'), 'no notice content form for the officer');
  await page.fill('#content-form-f-summary-en', `${SUMMARY} The client with SIN 046 454 286 called us.`);
  await page.fill('#content-form-f-stepsForPerson-en', 'Watch your accounts for unusual activity.\nCall us if you have questions.');
  await page.fill('#content-form-f-summary-fr', SUMMARY_FR);
  await page.fill('#content-form-f-stepsForPerson-fr', 'Surveillez vos comptes pour toute activité inhabituelle.\nAppelez-nous si vous avez des questions.');
  await screen('notices-form', 'notices');
  await page.click('#content-form-submit');
  await page.waitForSelector('#content-form .error-summary');
  const beside = await page.textContent('#content-form [data-field="summary.en"] .field-error');
  assert(/sin/i.test(beside), `no SIN finding beside the English summary: ${beside}`);
  assert(await page.getAttribute('#content-form-f-summary-en', 'aria-invalid') === 'true', 'the summary is not marked invalid');
  await screen('notices-finding', 'notices');
  await page.click('#content-form .error-summary a');
  assert(await page.evaluate(() => document.activeElement?.id) === 'content-form-f-summary-en', 'the summary link does not move focus to the field');
  await page.fill('#content-form-f-summary-en', SUMMARY);
  await page.click('#content-form-submit');
  await page.waitForSelector('#content-en');
  assert(/awaiting an approver/.test(await page.textContent('#notices-status')), `status: ${await page.textContent('#notices-status')}`);
  assert(!(await page.$('#approve-notices-submit')), 'the officer sees the approve button');

  await page.fill('#f-preview-line', '2');
  await page.click('#preview-submit');
  await page.waitForSelector('#preview-email');
  const email = await page.textContent('#preview-email');
  assert(email.includes('Givenaaa') && email.includes(SUMMARY), `the email preview is not the first person's notice: ${email.slice(0, 300)}`);
  assert(/by Email/.test(await page.textContent('#preview-result .status-line')), 'the preview does not say the channel');
  await page.fill('#f-preview-line', '5');
  await page.click('#preview-submit');
  await page.waitForFunction(() => /Line 5/.test(document.querySelector('#preview-result .status-line')?.textContent ?? ''));
  const letter = await page.textContent('#preview-letter address');
  assert(letter.includes('Givenddd Familyddd') && letter.includes('4 Sample Road'), `the letter has no address block: ${letter}`);
  assert(!page.url().includes('line=') && !page.url().includes('@'), 'the page address carries the person');
  await screen('notices-preview', 'notices');
  await page.fill('#f-preview-line', '99');
  await page.click('#preview-submit');
  await page.waitForSelector('#preview-problem');
});

await run.scenario('notices: the approver approves the content, and sees no officer actions', async () => {
  await signIn(page, base, 'Approver');
  await incidentPage();
  await page.waitForSelector('#approve-notices-submit');
  for (const officerOnly of ['#import-form', '#content-form', '#run-start-submit']) {
    assert(!(await page.$(officerOnly)), `the approver sees ${officerOnly}`);
  }
  assert(await page.isVisible('#channel-counts'), 'the approver does not see the counts');
  await screen('notices-approver', 'notices');
  await page.click('#approve-notices-submit');
  await page.waitForFunction(() => /Approved/.test(document.getElementById('notices-status')?.textContent ?? ''));
  assert(!(await page.$('#approve-notices-submit')), 'the approve button is still shown');
  await screen('notices-approved', 'notices');
});

await run.scenario('run: the officer starts the run and watches it reach complete', async () => {
  await signIn(page, base, 'PrivacyOfficer');
  await incidentPage();
  assert(/Ready/.test(await page.textContent('#run-state')), `run state before start: ${await page.textContent('#run-state')}`);
  await screen('run-ready', 'run');
  await page.click('#run-start-submit');
  await page.waitForSelector('#run-chart');
  assert(await page.evaluate(() => document.activeElement?.id) === 'sec-run-h', 'focus is not on the run section after the start');
  await screen('run-started', 'run');
  await page.waitForSelector('#run-progress[data-complete="true"]', { timeout: 180000 });
  assert(/Complete/.test(await page.textContent('#run-state')), `state: ${await page.textContent('#run-state')}`);
  const counts = Object.fromEntries(await page.locator('#run-counts tbody tr').evaluateAll(rows =>
    rows.map(r => [r.dataset.status, r.querySelector('td').textContent])));
  assert(counts.people === '6' && counts.sent === '3' && counts.pending === '0', `counts: ${JSON.stringify(counts)}`);
  const label = await page.textContent('#run-chart-title');
  assert(/6 of 6 people done/.test(label), `the chart has no text equivalent: ${label}`);
  assert(/Released/.test(await page.textContent('#run-canary')), `canary: ${await page.textContent('#run-canary')}`);
  assert(await page.textContent('#run-bounces') === '0', 'bounces are not shown');
  assert(!(await page.$('#run-halt-submit')) && !(await page.$('#run-resume-submit')), 'halt or resume offered for a complete run');
  const polls = Number(await page.getAttribute('#run-progress', 'data-polls') ?? 0);
  await page.waitForTimeout(5000); // polling has stopped: no refresh after complete
  assert(Number(await page.getAttribute('#run-progress', 'data-polls') ?? 0) === polls, 'the page still polls a complete run');
  await screen('run-complete', 'run');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && /Terminé/.test(document.getElementById('run-state')?.textContent ?? ''));
  await screen('run-complete-fr', 'run');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

/** People imported and content approved through the API (the approver's token from the development sign-in), for a second run. */
async function readyToRun(incident, csv) {
  const imported = await page.evaluate(async ({ incident, csv }) => {
    const s = JSON.parse(sessionStorage.getItem('session'));
    const res = await fetch(`api/incidents/${incident}/recipients`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'text/csv' }, body: csv });
    return `${res.status} ${await res.text()}`;
  }, { incident, csv });
  assert(imported.startsWith('200'), `import: ${imported}`);
  const content = await callApi(page, 'POST', `incidents/${incident}/notices/content`, {
    summary: { en: SUMMARY, fr: SUMMARY_FR },
    stepsForPerson: { en: ['Watch your accounts for unusual activity.'], fr: ['Surveillez vos comptes pour toute activité inhabituelle.'] },
  });
  assert(content.status < 300, `content: ${content.status} ${content.text}`);
  const approved = await page.evaluate(async incident => {
    const token = (await (await fetch('api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"role":"Approver"}' })).json()).token;
    const res = await fetch(`api/incidents/${incident}/notices/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    return `${res.status} ${await res.text()}`;
  }, incident);
  assert(approved.startsWith('200'), `approve: ${approved}`);
}

await run.scenario('run: halt and resume while the canary waits for its delivery reports', async () => {
  // 101 people: a canary batch of 100, whose delivery reports never come from maildev, and one held back behind it.
  const many = Array.from({ length: 101 }, (_, i) => {
    const code = String.fromCharCode(97 + Math.floor(i / 26) % 26, 97 + i % 26);
    return row({ id: `Q-${1000 + i}`, given: `Givenq${code}`, family: `Familyq${code}`, postal: '' }, `q${i}.${tag}x@example.test`);
  });
  const second = await notifyingIncident();
  await readyToRun(second, [HEADER, ...many].join('\n') + '\n');
  await page.goto(`${base}#/incidents/${encodeURIComponent(second)}`);
  await page.waitForSelector('#run-start-submit');
  await page.click('#run-start-submit');
  await page.waitForFunction(() => /delivery reports/.test(document.getElementById('run-canary')?.textContent ?? ''), null, { timeout: 180000 });
  assert(/Sending/.test(await page.textContent('#run-state')), `state: ${await page.textContent('#run-state')}`);
  await screen('run-canary-waiting', 'run');
  await page.click('#run-halt-submit');
  await page.waitForSelector('#run-resume-submit');
  assert(/Halted/.test(await page.textContent('#run-state')), `state after halt: ${await page.textContent('#run-state')}`);
  assert(await page.evaluate(() => document.activeElement?.id) === 'sec-run-h', 'focus is not on the run section after the halt');
  await screen('run-halted', 'run');
  await page.click('#run-resume-submit');
  await page.waitForSelector('#run-halt-submit');
  assert(/Sending/.test(await page.textContent('#run-state')), `state after resume: ${await page.textContent('#run-state')}`);
  await eventually(page, 'the halt and the resume in the history', async () => {
    await page.reload();
    await page.waitForSelector('#timeline');
    const history = await page.locator('#timeline .status-line').allTextContents();
    return history.includes('Notices run halted') && history.includes('Notices run resumed');
  }, 30);
});

await run.scenario('an auditor sees recipients, notices and the run read-only', async () => {
  await signIn(page, base, 'Auditor');
  await incidentPage();
  await page.waitForSelector('#run-chart');
  const controls = await page.locator('#sec-recipients :is(button, input, details), #sec-notices :is(button, input, details), #sec-run button').count();
  assert(controls === 0, `the auditor sees ${controls} controls`);
  assert(await page.isVisible('#channel-counts') && await page.isVisible('#content-en'), 'the auditor does not see the counts and the content');
  const preview = await callApi(page, 'GET', `incidents/${id}/notices/preview?line=2`);
  assert(preview.status === 403, `the API answered ${preview.status} to an auditor's preview`);
  await screen('run-auditor', 'run');
});

fs.rmSync(dir, { recursive: true, force: true });
if (browser.problems.length) run.results.push({ name: 'no page errors', ok: false, error: browser.problems.join('\n') });
await browser.close();
const failed = run.results.filter(r => !r.ok);
console.log(`RESULT ${JSON.stringify({ passed: run.results.length - failed.length, failed: failed.length, failures: failed })}`);
process.exit(failed.length ? 1 : 0);
