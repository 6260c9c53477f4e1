/**
 * Issue 4's student journey in real Chromium against the real server: a
 * returning student re-enrolls at /re-enroll without signing in, wrong answers
 * all get the one generic message, the advisor sees the pending re-enrollment
 * and approves it, approving a student without an SSID asks for one (and the
 * server refuses it without one in a required year), and too many attempts
 * say how long to wait.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blankFields } from '../../src/shared/application';
import { uuidv7 } from '../../src/shared/ids';
import { programYearOf } from '../../src/shared/policy';
import { PROBLEMS } from '../../src/shared/problems';
import { apiSession, launchBrowser, startServer, tabletContext, type RunningServer } from './harness';
import { reloadAndUnlock, signIn } from './journeys';

let server: RunningServer;
let browser: Browser;
let student: BrowserContext;
let advisor: BrowserContext;

const thisYear = programYearOf(new Date().toISOString().slice(0, 10));
const lastYear = `${Number(thisYear.slice(0, 4)) - 1}-${thisYear.slice(2, 4)}`;

/** Enrolled last year with an SSID: the returning student. */
const RETURNING = { firstName: 'Kalani', lastName: 'Akana', dateOfBirth: '2011-04-09', grade: '9', ssid: '5093718264' };
/** Enrolled this year from paper without an SSID: approval must ask for one. */
const NO_SSID = { firstName: 'Jamal', lastName: 'Brooks', dateOfBirth: '2012-08-30', grade: '8', ssid: '' };

async function seed(): Promise<void> {
  const deviceId = uuidv7();
  const token = await apiSession(server.url, deviceId);
  const auth = { authorization: `Bearer ${token}` };
  const pull = (await (await fetch(`${server.url}/api/sync/pull`, { headers: auth })).json()) as { schools: { id: string }[] };
  const schoolId = pull.schools[0]!.id;
  const mutations = [
    { ...RETURNING, programYear: lastYear },
    { ...NO_SSID, programYear: thisYear },
  ].map((s, i) => ({
    mutationId: i + 1, recordId: uuidv7(), studentId: uuidv7(), version: 1, baseServerVersion: null,
    application: blankFields({ ...s, schoolId, ssidSource: s.ssid ? 'student_form' : '', pafSignedDate: '2025-09-01' }),
    ssidSource: s.ssid ? 'student_form' : null, confirmedAt: new Date().toISOString(),
  }));
  const push = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ deviceId, mutations }) });
  assert.equal(push.status, 200, await push.text());
}

/** Fills the public form, sends it, and waits for the server's answer; returns its status. */
async function reEnroll(page: Page, answers: { lastName: string; dateOfBirth: string; ssid: string }): Promise<number> {
  await page.getByLabel('Last name').fill(answers.lastName);
  await page.getByLabel('Date of birth').fill(answers.dateOfBirth);
  await page.getByLabel('CA SSID').fill(answers.ssid);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/re-enroll'));
  await page.getByRole('button', { name: 'Re-enroll' }).click();
  return (await answer).status();
}

before(async () => {
  server = await startServer();
  await seed();
  browser = await launchBrowser();
  student = await tabletContext(browser, server.url);
  advisor = await tabletContext(browser, server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('wrong answers all get the same generic message, whatever was wrong', async () => {
  const page = await student.newPage();
  await page.goto('/re-enroll');
  await page.getByRole('heading', { name: 'Re-enroll in MESA' }).waitFor();
  const statuses = new Set<number>();
  for (const wrong of [
    { ...RETURNING, lastName: 'Akanna' },
    { ...RETURNING, dateOfBirth: '2011-09-04' },
    { ...RETURNING, ssid: '5093718265' },
    { lastName: 'Nobody', dateOfBirth: '2010-01-01', ssid: '6120339481' },
  ]) {
    const status = await reEnroll(page, wrong);
    assert.equal(await page.getByRole('alert').innerText(), PROBLEMS.reEnrollFailed.message);
    statuses.add(status);
  }
  assert.equal(statuses.size, 1, 'every wrong answer gets the same status');
  await page.close();
});

test('a returning student re-enrolls without signing in and is told the advisor will approve it', async () => {
  const page = await student.newPage();
  await page.goto('/re-enroll');
  assert.equal(await page.getByLabel('Email').count(), 0, 'no sign-in on the public page');
  await reEnroll(page, { lastName: 'akana', dateOfBirth: RETURNING.dateOfBirth, ssid: '509-371-8264' });
  await page.getByText(/Your MESA advisor will approve it/).waitFor();
  await page.close();
});

test('the advisor sees the re-enrollment waiting and approves it; a student without an SSID is asked for one', async () => {
  const page = await advisor.newPage();
  await page.goto('/');
  await signIn(page);
  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByRole('link', { name: 'Pending approvals' }).click();
  await page.getByRole('heading', { name: 'Pending approvals' }).waitFor();

  // Last year's application is still listed too; the re-enrollment is its own item.
  const returning = page.getByRole('listitem').filter({ hasText: 'Akana, Kalani' }).filter({ hasText: 'Re-enrolled online by the student' });
  await returning.getByText(`for ${thisYear}`, { exact: false }).waitFor();
  await returning.getByRole('button', { name: 'Approve' }).click();
  await returning.waitFor({ state: 'detached' });

  const noSsid = page.getByRole('listitem').filter({ hasText: 'Brooks, Jamal' });
  await noSsid.getByRole('button', { name: 'Approve' }).click();
  await noSsid.getByLabel('CA SSID', { exact: true }).waitFor();
  await noSsid.getByRole('button', { name: 'Approve without SSID' }).click();
  await noSsid.getByRole('alert').getByText(PROBLEMS.ssidRequired.message).waitFor();

  await noSsid.getByLabel('CA SSID', { exact: true }).fill('612033948');
  await noSsid.getByLabel('Re-enter CA SSID').fill('612033948');
  await noSsid.getByRole('button', { name: 'Approve with this SSID' }).click();
  await noSsid.getByText('9 digits: one is missing').waitFor();

  await noSsid.getByLabel('CA SSID', { exact: true }).fill('6120339481');
  await noSsid.getByLabel('Re-enter CA SSID').fill('6120339481');
  await noSsid.getByRole('button', { name: 'Approve with this SSID' }).click();
  await noSsid.waitFor({ state: 'detached' });

  // The server agrees: after a reload (the app starts locked) only last year's application still waits.
  await reloadAndUnlock(page);
  await page.getByRole('heading', { name: 'Pending approvals' }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'Akana, Kalani' }).first().waitFor();
  assert.equal(await page.getByText('Re-enrolled online by the student').count(), 0);
  assert.equal(await page.getByRole('listitem').filter({ hasText: 'Brooks, Jamal' }).count(), 0);
  await page.close();
});

test('too many attempts say how many minutes to wait', async () => {
  const page = await student.newPage();
  await page.goto('/re-enroll');
  // Guessing the details that go with one SSID: limited per SSID, well before the per-IP limit.
  let status = 0;
  for (let attempt = 0; attempt < 20 && status !== 429; attempt++) {
    status = await reEnroll(page, { lastName: 'Guess', dateOfBirth: `2010-01-${String(attempt + 1).padStart(2, '0')}`, ssid: '7203948516' });
  }
  assert.equal(status, 429, 'the server limits attempts');
  await page.getByRole('alert').getByText(/^Too many attempts, try again in \d+ minutes?\.$/).waitFor();
  await page.close();
});
