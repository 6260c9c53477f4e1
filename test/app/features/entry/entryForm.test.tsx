// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { listApplications } from '../../../../src/app/db/applications';
import { hashSsid } from '../../../../src/app/db/ssidLookup';
import {
  completeFields, describedText, fieldByLabel as input, openNewForm as openForm, renderApp, screenStorePerTest, seedRecord,
  typeInto as type,
} from '../../harness';

const current = screenStorePerTest();

const openNewForm = () => openForm(current());

describe('keyboard entry', () => {
  it('starts in First name and moves to the next field on Enter, in paper order', async () => {
    await openNewForm();
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
    fireEvent.keyDown(input('First name'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('Middle name'));
    fireEvent.keyDown(input('Middle name'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('Last name'));
    input('CA SSID').focus();
    fireEvent.keyDown(input('CA SSID'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('Re-enter CA SSID'));
    fireEvent.keyDown(input('Grade'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('CA SSID'));
  });

  it('Enter passes over the school and the SSID source the app filled in, which Tab still reaches; a school left blank keeps its stop', async () => {
    await openNewForm();
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
    expect(input('School').value).not.toBe('');
    expect(input('CA SSID taken from').value).toBe('student_form');
    input('Grade').focus();
    fireEvent.keyDown(input('Grade'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('CA SSID'));
    expect(describedText(input('School'))).toContain('Carried from the batch');
    input('Re-enter CA SSID').focus();
    fireEvent.keyDown(input('Re-enter CA SSID'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('School Student ID'));
    expect(input('School').tabIndex).toBe(0);
    expect(input('CA SSID taken from').tabIndex).toBe(0);

    fireEvent.change(input('School'), { target: { value: '' } });
    await waitFor(() => expect(input('School').value).toBe(''));
    fireEvent.keyDown(input('Grade'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('School'));
  });

  it('marks a value carried from the batch until the advisor changes it', async () => {
    await openNewForm();
    expect(describedText(input('Grade'))).toContain('Carried from the batch');
    expect(describedText(input('School'))).toContain('Carried from the batch');
    expect(describedText(input('First name'))).not.toContain('Carried');
    fireEvent.change(input('Grade'), { target: { value: '8' } });
    await waitFor(() => expect(describedText(input('Grade'))).not.toContain('Carried from the batch'));
    expect(describedText(input('School'))).toContain('Carried from the batch');
  });

  it('Ctrl+Enter saves the form and opens the next blank one with the batch defaults', async () => {
    const { batch, router } = await openNewForm();
    expect(input('Grade').value).toBe('7');
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    fireEvent.change(input('Grade'), { target: { value: '8' } });
    fireEvent.keyDown(input('Last name'), { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(router.current()).toEqual({ path: `/batches/${batch.id}/new`, key: 1 }));
    await waitFor(() => expect(input('First name').value).toBe(''));
    expect(input('Last name').value).toBe('');
    // The next sheet starts from the batch's defaults, not from the sheet just finished.
    expect(input('Grade').value).toBe('7');
    expect(input('School').value).toBe('school-lincoln');
    const saved = await listApplications(current().db);
    expect(saved.map((a) => [a.fields.firstName, a.fields.lastName])).toEqual([['Maria', 'Lopez']]);
  });

  it('says a blank field is required once the advisor leaves it, not before', async () => {
    await openNewForm();
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
    expect(describedText(input('First name'))).not.toMatch(/required/);
    fireEvent.keyDown(input('First name'), { key: 'Enter' });
    await waitFor(() => expect(describedText(input('First name'))).toMatch(/First name is required/));
    expect(describedText(input('Last name'))).not.toMatch(/required/);
  });

  it('keeps what was typed in a field left before the form drew it', async () => {
    await openNewForm();
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
    const last = input('Last name');
    last.focus();
    type('Last name', 'Lopez');
    // Enter at once: the field is left, and its messages revealed, before the typing is drawn.
    fireEvent.keyDown(last, { key: 'Enter' });
    expect(document.activeElement).toBe(input('Date of birth'));
    await Promise.resolve();
    expect(last.value).toBe('Lopez');
    await waitFor(async () => expect((await listApplications(current().db)).map((a) => a.fields.lastName)).toEqual(['Lopez']));
    expect(last.value).toBe('Lopez');
  });

  it('keeps every character typed: reopening the record shows it', async () => {
    const { router, unmount } = await openNewForm();
    type('First name', 'Zoë');
    type('Middle name', 'de la');
    type('Last name', 'O’Brien-Núñez');
    await waitFor(() => expect(router.current().path).toMatch(/^\/records\//));
    const path = router.current().path;
    unmount();
    cleanup();

    renderApp(current(), path);
    await waitFor(() => expect(input('Last name').value).toBe('O’Brien-Núñez'));
    expect(input('First name').value).toBe('Zoë');
    expect(input('Middle name').value).toBe('de la');
  });
});

describe('the keyboard never gets stuck', () => {
  async function typeReadySheet() {
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    type('Date of birth', '2012-03-15');
    type('CA SSID', '2038475610');
    type('Re-enter CA SSID', '2038475610');
    const confirm = screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    return confirm;
  }

  it('after Confirm, focus is on the button that opens the next sheet, which then starts in First name', async () => {
    const { batch, router } = await openNewForm();
    const confirm = await typeReadySheet();
    confirm.focus();
    fireEvent.click(confirm);
    await screen.findByText(/Confirmed\. It will be sent/);
    const next = screen.getByRole('button', { name: /^Save and next/ });
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.click(next);
    await waitFor(() => expect(router.current()).toEqual({ path: `/batches/${batch.id}/new`, key: 1 }));
    await waitFor(() => expect(input('First name').value).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
  });

  it('Ctrl+Enter works from anywhere on the sheet, even with focus on the page itself', async () => {
    const { batch, router } = await openNewForm();
    type('First name', 'Maria');
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(router.current()).toEqual({ path: `/batches/${batch.id}/new`, key: 1 }));
    const [record] = await listApplications(current().db);
    expect(record?.fields.firstName).toBe('Maria');
  });

  it('Ctrl+Enter on a focused button saves an unfinished sheet and opens the next without pressing the button', async () => {
    const { batch, router } = await openNewForm();
    type('First name', 'Maria');
    const review = screen.getByRole('link', { name: 'Review batch' });
    review.focus();
    fireEvent.keyDown(review, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(router.current()).toEqual({ path: `/batches/${batch.id}/new`, key: 1 }));
    const [record] = await listApplications(current().db);
    expect([record?.fields.firstName, record?.status]).toEqual(['Maria', 'draft']);
  });
});

describe('keying speed', () => {
  const typeIn = (label: string, value: string) => fireEvent.input(input(label), { target: { value }, inputType: 'insertText' });
  const openReady = async () => {
    await openNewForm();
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
  };

  it('moves on by itself when the SSID, its re-key, the ZIP and a date are typed full, but not when shortened', async () => {
    await openReady();
    input('CA SSID').focus();
    typeIn('CA SSID', '2038475610');
    expect(document.activeElement).toBe(input('Re-enter CA SSID'));
    typeIn('Re-enter CA SSID', '2038475610');
    expect(document.activeElement).toBe(input('School Student ID'));
    input('ZIP code').focus();
    typeIn('ZIP code', '9411');
    expect(document.activeElement).toBe(input('ZIP code'));
    typeIn('ZIP code', '94110');
    expect(document.activeElement).toBe((document.getElementById('f-ethnicity') as HTMLInputElement));
    input('Date of birth').focus();
    typeIn('Date of birth', '03152012');
    expect(document.activeElement).toBe(input('Gender'));
    input('CA SSID').focus();
    fireEvent.input(input('CA SSID'), { target: { value: '2038475610' }, inputType: 'deleteContentBackward' });
    expect(document.activeElement).toBe(input('CA SSID'));
  });

  it('moves on by itself when a home language or relationship is typed as a whole common word, and waits for Enter on any other', async () => {
    await openReady();
    input('Primary home language').focus();
    typeIn('Primary home language', 'Span');
    expect(document.activeElement).toBe(input('Primary home language'));
    typeIn('Primary home language', 'Spanish');
    expect(document.activeElement).toBe(input('Parent/guardian name'));
    // "Spanish and English": the space goes back to the language, nothing spills into the guardian's name.
    fireEvent.keyDown(input('Parent/guardian name'), { key: ' ' });
    expect(document.activeElement).toBe(input('Primary home language'));
    // In the field at once, before the form draws the change: the next key lands after it.
    expect(input('Primary home language').value).toBe('Spanish ');
    typeIn('Primary home language', 'Spanish and English');
    expect(document.activeElement).toBe(input('Primary home language'));
    fireEvent.keyDown(input('Primary home language'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('Parent/guardian name'));
    expect(input('Parent/guardian name').value).toBe('');
    fireEvent.keyDown(input('Parent/guardian name'), { key: ' ' });
    expect(document.activeElement).toBe(input('Parent/guardian name'));
    input('Relationship').focus();
    typeIn('Relationship', 'Godmother');
    expect(document.activeElement).toBe(input('Relationship'));
    fireEvent.keyDown(input('Relationship'), { key: 'Enter' });
    expect(document.activeElement).toBe(input('Parent/guardian phone'));
    input('Relationship').focus();
    typeIn('Relationship', 'Mother');
    expect(document.activeElement).toBe(input('Parent/guardian phone'));
    await waitFor(async () => {
      const [record] = await listApplications(current().db);
      expect(record?.fields).toMatchObject({ homeLanguage: 'Spanish and English', guardianRelationship: 'Mother' });
    });
  });

  it('chooses an option by number or first letter and moves on; the Ethnicity group takes numbers and stays', async () => {
    await openReady();
    const gender = input('Gender');
    gender.focus();
    fireEvent.keyDown(gender, { key: '2' });
    expect(gender.value).toBe('Male');
    expect(document.activeElement).toBe(input('Grade'));
    fireEvent.keyDown(input('Grade'), { key: '8' });
    expect(input('Grade').value).toBe('8');
    expect(document.activeElement).toBe(input('CA SSID'));

    const education = input('Parents’ highest education');
    education.focus();
    fireEvent.keyDown(education, { key: 'h' });
    expect(education.value).toBe('High school graduate');

    const firstBox = (document.getElementById('f-ethnicity') as HTMLInputElement);
    firstBox.focus();
    fireEvent.keyDown(firstBox, { key: '3' });
    fireEvent.keyDown(firstBox, { key: 'w' });
    expect(screen.getByRole('checkbox', { name: 'Black or African American' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'White' })).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(firstBox);
    await waitFor(async () => {
      const [record] = await listApplications(current().db);
      expect(record?.fields).toMatchObject({ gender: 'Male', grade: '8', parentEducation: 'High school graduate', ethnicity: ['Black or African American', 'White'] });
    });
  });
});

describe('CA SSID checks beside the field', () => {
  it.each([
    ['9 digits', '203847561', /9 digits: one is missing/],
    ['a letter', '2038X75610', /Contains a letter/],
  ])('shows the message for %s and blocks Confirm', async (_name, value, message) => {
    await openNewForm();
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    type('Date of birth', '2012-03-15');
    type('CA SSID', value);
    type('Re-enter CA SSID', value);
    const field = input('CA SSID');
    await waitFor(() => expect(describedText(field)).toMatch(message));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect((screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('warns when the SSID equals the School Student ID', async () => {
    await openNewForm();
    type('School Student ID', '2038475610');
    type('CA SSID', '2038475610');
    await waitFor(() => expect(describedText(input('CA SSID'))).toMatch(/Same as the School Student ID/));
  });

  it('warns when another record already uses the SSID', async () => {
    await seedRecord(current(), null, completeFields({ firstName: 'Ana', lastName: 'Diaz', ssid: '3049586721' }));
    await openNewForm();
    type('CA SSID', '3049586721');
    await waitFor(() => expect(describedText(input('CA SSID'))).toMatch(/Already used by another record \(Ana Diaz\)/));
  });

  it('holds a returning student’s paper whose SSID is not the one the center has until the advisor looks at the paper again', async () => {
    const key = '8f1c2a7e5b3d4c6e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
    await current().db.meta.put({ key: 'ssidKey', value: key });
    await current().db.roster.add({
      studentId: 'st-ana', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '2012-03-15', grade: '8', schoolId: 's', schoolStudentId: '',
      ssidHash: await hashSsid(key, '3049586721'), ssidLast4: '6721', ssidSource: 'school_records', deleted: false,
    });
    await openNewForm();
    type('First name', 'Ana');
    type('Last name', 'Diaz');
    type('Date of birth', '03152012');
    type('Grade', '8');
    type('CA SSID', '3049586712');
    type('Re-enter CA SSID', '3049586712');
    await waitFor(() => expect(describedText(input('CA SSID'))).toMatch(/already has this student .* another CA SSID ending 6721 from the school’s records/));
    const confirm = screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'The paper shows this number' }));
    await waitFor(() => expect(confirm.disabled).toBe(false));

    type('CA SSID', '3049586721');
    await waitFor(() => expect(describedText(input('CA SSID'))).not.toMatch(/already has this student/));
  });

  it('notes that spaces and dashes were removed', async () => {
    await openNewForm();
    type('CA SSID', '203-847-5610');
    await waitFor(() => expect(describedText(input('CA SSID'))).toMatch('Spaces and dashes were removed.'));
  });
});

describe('blind re-keying', () => {
  it('never shows the first keying, and Confirm waits until both agree', async () => {
    await openNewForm();
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    type('Date of birth', '2012-03-15');
    type('CA SSID', '2038475610');
    const rekey = input('Re-enter CA SSID');
    expect(rekey.value).toBe('');
    expect(rekey.type).toBe('text');
    expect(rekey.getAttribute('autocomplete')).toBe('off');

    type('Re-enter CA SSID', '2038475601');
    await waitFor(() => expect(describedText(rekey)).toMatch(/The two keyings differ/));
    const confirm = screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);

    type('Re-enter CA SSID', '2038475610');
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    await screen.findByText(/Confirmed\. It will be sent/);
    const [record] = await current().db.applications.toArray();
    expect(record?.status).toBe('queued');
    expect(await current().db.outbox.count()).toBe(1);
  });

  it('hides the first keying while Re-enter CA SSID has focus, and shows it when they agree or focus leaves the pair', async () => {
    await openNewForm();
    type('CA SSID', '2038475610');
    const first = input('CA SSID');
    const rekey = input('Re-enter CA SSID');
    rekey.focus();
    await waitFor(() => expect(first.value).toBe(''));
    expect(document.body.innerHTML).not.toContain('2038475610');

    type('Re-enter CA SSID', '2038475601');
    expect(first.value).toBe('');
    rekey.blur();
    await waitFor(() => expect(first.value).toBe('2038475610'));

    rekey.focus();
    await waitFor(() => expect(first.value).toBe(''));
    type('Re-enter CA SSID', '2038475610');
    await waitFor(() => expect(first.value).toBe('2038475610'));
    // What is hidden is only the screen: both keyings are kept as typed.
    await waitFor(async () => {
      const [record] = await listApplications(current().db);
      expect([record?.fields.ssid, record?.ssidRekey]).toEqual(['2038475610', '2038475610']);
    });
  });
});
