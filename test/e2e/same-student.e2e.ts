/**
 * Issue 9 point 6 and issue 11 item 6 in real Chromium against the real server:
 * another tablet already sent a student (last program year); this tablet types
 * the same student (same CA SSID, name and birth date) from this year's paper
 * and syncs. Typed first with two digits swapped, the form says the center has
 * this student with another CA SSID, and why that matters; typed as the paper
 * shows it, the warning goes. The server holds one student with both
 * enrollments, the roster lists them once, and the SSID request list asks the
 * school for nothing. The same paper typed again for the same year comes back
 * under "Needs attention", and the server still holds one enrollment for that
 * year.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { blankFields } from '../../src/shared/application';
import { uuidv7 } from '../../src/shared/ids';
import { programYearOf } from '../../src/shared/policy';
import { apiSession, serverEnrollments } from './harness';
import { confirmBatch, misread, openTablet, sampleSheets, startBatch, typeSheet, type Tablet } from './journeys';

let tablet: Tablet;
let page: Page;
let schoolName: string;
const [sheet] = sampleSheets(1);
const isoBirthDate = `${sheet!.dobTyped.slice(4)}-${sheet!.dobTyped.slice(0, 2)}-${sheet!.dobTyped.slice(2, 4)}`;

/** Last program year: the other tablet's paper for this student. */
function lastProgramYear(): string {
  const start = Number(programYearOf(new Date().toISOString().slice(0, 10)).slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Another tablet sends the student through the sync API, as it would after typing last year's paper. */
async function seedFromAnotherTablet(): Promise<void> {
  const deviceId = uuidv7();
  const auth = { authorization: `Bearer ${await apiSession(tablet.server.url, deviceId)}` };
  const pull = (await (await fetch(`${tablet.server.url}/api/sync/pull`, { headers: auth })).json()) as { schools: { id: string; name: string }[] };
  const school = pull.schools[0]!;
  schoolName = school.name;
  const s = sheet!;
  const application = blankFields({
    firstName: s.firstName, middleName: s.middleName, lastName: s.lastName, dateOfBirth: isoBirthDate, grade: s.grade,
    schoolId: school.id, ssid: s.ssid, ssidSource: 'student_form', programYear: lastProgramYear(),
  });
  const mutation = {
    mutationId: 1, recordId: uuidv7(), studentId: uuidv7(), version: 1, baseServerVersion: null, application,
    ssidSource: 'student_form', confirmedAt: new Date().toISOString(),
  };
  const push = await fetch(`${tablet.server.url}/api/sync/push`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ deviceId, mutations: [mutation] }),
  });
  assert.equal(push.status, 200, await push.text());
}

/** The students the server holds with this SSID, read straight from its SQLite file. */
function serverStudentsWithSsid(ssid: string): { id: string }[] {
  const db = new Database(join(tablet.server.dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id from students where ssid = ?').all(ssid) as { id: string }[];
  } finally {
    db.close();
  }
}

/** The center's warning on the entry form when the typed CA SSID is not the one it holds for the student. */
const heldElsewhereWarning = `The center already has this student (same name and date of birth) with another CA SSID ending ${sheet!.ssid.slice(-4)} from an earlier paper. `
  + 'A CA SSID never changes, so one of the two is wrong. Unless the paper is clearly right, leave the CA SSID blank: the school will be asked for it.';

/** Opens a new batch of one sheet at the first school. */
async function startSheet(): Promise<void> {
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await startBatch(page, 1);
}

/** Types this year's paper for the student into a batch of one and confirms it from the review. */
async function typeAndConfirm(): Promise<void> {
  await startSheet();
  await typeSheet(page, sheet!);
  await confirmBatch(page, 1);
}

before(async () => {
  tablet = await openTablet();
  ({ page } = tablet);
  await seedFromAnotherTablet();
  // The roster, with the other tablet's student, comes with the next sync.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('Everything is synced').waitFor();
});

after(async () => {
  await tablet?.close();
});

test('a second tablet’s paper for a student the center has joins that student: one student on the server and on the roster, no SSID requested', async () => {
  // The advisor swaps the SSID's last two digits: the form says the center has this student with another number.
  const s = sheet!;
  await startSheet();
  await typeSheet(page, { ...s, ssid: misread(s.ssid) });
  const warning = page.getByText(heldElsewhereWarning);
  await warning.waitFor();
  // The paper read again shows the number the center holds: typed so, the warning goes.
  await page.getByLabel('CA SSID', { exact: true }).fill(s.ssid);
  await page.getByLabel('Re-enter CA SSID').fill(s.ssid);
  await warning.waitFor({ state: 'detached' });
  await confirmBatch(page, 1);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('Everything is synced').waitFor();

  const students = serverStudentsWithSsid(sheet!.ssid);
  assert.equal(students.length, 1, 'one student holds the SSID');
  const enrollments = serverEnrollments(tablet.server.dataDir);
  assert.equal(enrollments.length, 2, 'last year’s enrollment and this year’s');
  assert.deepEqual(new Set(enrollments.map((e) => e.studentId)), new Set([students[0]!.id]));

  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByText('1 student on the roster').waitFor();
  assert.equal(await page.getByRole('link', { name: new RegExp(sheet!.lastName) }).count(), 1);
  await page.getByRole('link', { name: 'SSID request list' }).click();
  await page.getByLabel('School').selectOption({ label: schoolName });
  await page.getByText(`Every student at ${schoolName} on this tablet’s roster has a CA SSID.`).waitFor();
});

test('the same paper typed again for the same year comes back under "Needs attention", and the server keeps one enrollment a year', async () => {
  await typeAndConfirm();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('link', { name: '1 needs attention' }).click();
  const item = page.getByRole('listitem').filter({ hasText: sheet!.lastName });
  await item.getByText(/already has an enrollment for this program year/).waitFor();
  await item.getByText(/Nothing from this paper is lost/).waitFor();
  assert.equal(await item.getByRole('link', { name: 'Edit and resend' }).count(), 1);

  assert.equal(serverEnrollments(tablet.server.dataDir).length, 2);
  assert.equal(serverStudentsWithSsid(sheet!.ssid).length, 1);
});
