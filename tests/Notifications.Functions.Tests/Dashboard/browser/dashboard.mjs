// The dashboard's browser scenarios, run by DashboardBrowserTests (dotnet test) against the local runtime on Azurite and
// maildev: node dashboard.mjs <app base URL> <screenshot folder>. Prints PASS/FAIL per scenario; exits 1 when any failed.
import { launch, Run, assert, local, signIn as signInAt, until } from './harness.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) { console.error('usage: node dashboard.mjs <base URL> <screenshot folder>'); process.exit(2); }

/** Shared with the other browser scripts (harness.mjs); this script's base URL bound in. */
const signIn = (page, role) => signInAt(page, base, role);

const browser = await launch();
const run = new Run(shots, browser);
const page = browser.context.pages()[0] ?? await browser.context.newPage();
const title = `Misdirected email ${Date.now()}`;
let incidentHash = '';

await run.scenario('sign-in as officer', async () => {
  await page.goto(base);
  await page.waitForSelector('#sign-in');
  assert(await page.isVisible('.local-only'), 'the development sign-in is not marked local-only');
  await run.screen(page, 'sign-in');
  await signIn(page, 'PrivacyOfficer');
  assert((await page.textContent('#who')).includes('Privacy officer'), 'the header does not name the role');
});

await run.scenario('report a breach: a field error, then success', async () => {
  await page.click('a[href="#/report"]');
  await page.waitForSelector('#report-form');
  await page.fill('#f-title', title);
  await page.fill('#f-description', 'A client list was emailed to two wrong addresses.');
  await page.fill('#f-reporter-name', 'Pat Officer');
  await page.fill('#f-reporter-email', 'pat.officer@example.test');
  await page.fill('#f-publicBodies-0-name', 'Ministry of Examples');
  await page.fill('#f-occurred-on', local(-3));
  await page.fill('#f-discovered', local(2)); // in the future: the API says so beside the field
  await page.selectOption('#f-cause', 'misdirectedEmail');
  await page.check('input[name="personalInformation"][value="name"]');
  await page.check('input[name="personalInformation"][value="applicationNumber"]');
  await page.fill('#f-affected-estimatedCount', '40');
  await page.fill('#f-recipients-count', '2');
  await page.selectOption('#f-containment-status', 'notContained');
  await run.screen(page, 'report');
  // The click and the API's answer together: a failure then says whether the page asked at all.
  const [answer] = await Promise.all([
    page.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/incidents'),
    page.click('#report-submit'),
  ]);
  assert(answer.status() === 400, `the API answered ${answer.status()} to a discovery in the future`);
  await page.waitForSelector('.error-summary');
  const beside = await page.textContent('[data-field="discovered"] .field-error');
  assert(/future/i.test(beside), `no field error beside "discovered": ${beside}`);
  assert(await page.getAttribute('#f-discovered', 'aria-invalid') === 'true', 'the field is not marked invalid');
  await run.screen(page, 'report-errors');
  await page.click('.error-summary a');
  assert(await page.evaluate(() => document.activeElement.id) === 'f-discovered', 'the summary link does not move focus to the field');
  await page.fill('#f-discovered', local(-2));
  await page.dblclick('#report-submit'); // a double click creates one incident (one idempotency key per form)
  await page.waitForSelector('#sec-facts');
  incidentHash = new URL(page.url()).hash;
  assert((await page.textContent('h1')) === title, 'the incident page does not show the title');
});

await run.scenario('the register shows it with time left', async () => {
  await page.click('a[href="#/"]');
  await page.waitForSelector('#register tbody tr');
  const rows = page.locator('#register tbody tr', { hasText: title });
  assert(await rows.count() === 1, `expected one row for the report, found ${await rows.count()}`);
  const cells = await rows.first().locator('td').allTextContents();
  assert(/left|Overdue/.test(cells[5]), `time left is not said in words: ${cells[5]}`);
  assert(/GMT[−+-]\d/.test(cells[4]), `the deadline has no offset: ${cells[4]}`);
  assert(cells[6].length > 0, 'no next action');
  await page.fill('#filter-title', 'no incident has this title');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#register tbody tr').length === 0);
  await page.fill('#filter-title', title);
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#register tbody tr').length === 1);
  await run.screen(page, 'register');
});

await run.scenario('open the incident and amend the facts with a reason', async () => {
  await page.click(`#register a:text("${title}")`);
  await page.waitForSelector('#sec-facts');
  await page.click('#amend summary');
  await page.fill('#amend-form-f-affected-estimatedCount', '45');
  await page.click('#amend-form-submit'); // no reason: the API says one is needed
  await page.waitForSelector('#amend-form .error-summary');
  assert(/why/i.test(await page.textContent('#amend-form [data-field="reason"] .field-error')), 'no error beside the reason');
  await page.fill('#amend-form-f-reason', 'The program area counted 45 people on the list.');
  await page.click('#amend-form-submit');
  await page.waitForSelector('#timeline li:has-text("Facts amended")');
  assert(await page.isVisible('#timeline :text("The program area counted 45 people on the list.")'), 'the history does not show the reason');
  await run.screen(page, 'incident');
});

await run.scenario('confirm the assessment with its reasons', async () => {
  await until(page, '#confirm-submit');
  assert(await page.locator('#factors tbody tr').count() > 0, 'no harm factors shown');
  await page.click('#confirm-submit');
  await page.waitForSelector('#decision');
  assert(/Confirmed/.test(await page.textContent('#decision')), 'the decision is not shown');
});

await run.scenario('French, remembered', async () => {
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('a[href="#/"]');
  await page.waitForSelector('#register tbody tr');
  assert((await page.textContent('h1')) === 'Registre des incidents', 'the register is not in French');
  await page.reload();
  await page.waitForSelector('#register tbody tr');
  assert(await page.evaluate(() => document.documentElement.lang) === 'fr', 'French is not remembered');
  assert((await page.textContent('h1')) === 'Registre des incidents', 'the register is not in French after a reload');
  await run.screen(page, 'register-fr');
  await page.goto(base + incidentHash);
  await page.waitForSelector('#sec-facts');
  await run.screen(page, 'incident-fr');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

await run.scenario('an auditor sees no action buttons, and the API refuses', async () => {
  await signIn(page, 'Auditor');
  assert(!(await page.$('a[href="#/report"]')), 'the auditor sees "Report a breach"');
  await page.goto(base + incidentHash);
  await page.waitForSelector('#sec-history');
  const buttons = await page.locator('main button, main details').count();
  assert(buttons === 0, `the auditor sees ${buttons} action controls`);
  const status = await page.evaluate(async path => {
    const s = JSON.parse(sessionStorage.getItem('session'));
    const res = await fetch(`api/${path}/assessment/decision`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' }, body: '{"decision":"confirm"}' });
    return res.status;
  }, `incidents/${incidentHash.slice('#/incidents/'.length)}`);
  assert(status === 403, `the API answered ${status} to an auditor's decision`);
  await run.screen(page, 'incident-auditor');
});

if (browser.problems.length) run.results.push({ name: 'no page errors', ok: false, error: browser.problems.join('\n') });
await browser.close();
const failed = run.results.filter(r => !r.ok);
console.log(`RESULT ${JSON.stringify({ passed: run.results.length - failed.length, failed: failed.length, failures: failed })}`);
process.exit(failed.length ? 1 : 0);
