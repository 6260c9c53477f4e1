// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { listApplications } from '../../../../src/app/db/applications';
import { describedText, fieldByLabel as input, openNewForm as openForm, renderApp, screenStorePerTest, typeInto as type } from '../../harness';

const current = screenStorePerTest();

const openNewForm = () => openForm(current());

describe('dates typed as people type them', () => {
  it.each([
    ['2013-03-15', '2013-03-15', 'March 15, 2013'],
    ['03152013', '2013-03-15', 'March 15, 2013'],
    ['1/5/2013', '2013-01-05', 'January 5, 2013'],
    ['1/05/2013', '2013-01-05', 'January 5, 2013'],
    ['03/15/13', '2013-03-15', 'March 15, 2013'],
  ])('reads %j as %s, says it in words and stores it as ISO', async (typed, iso, words) => {
    const { router, unmount } = await openNewForm();
    type('First name', 'Maria');
    type('Date of birth', typed);
    expect(input('Date of birth').value).toBe(typed);
    expect(describedText(input('Date of birth'))).toContain(words);
    await waitFor(async () => expect((await listApplications(current().db)).map((a) => a.fields.dateOfBirth)).toEqual([iso]));

    // Reopened, the field shows the stored date month first, as the paper has it.
    await waitFor(() => expect(router.current().path).toMatch(/^\/records\//));
    const path = router.current().path;
    unmount();
    cleanup();
    renderApp(current(), path);
    await waitFor(() => expect(input('Date of birth').value).toBe(`${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`));
    expect(describedText(input('Date of birth'))).toContain(words);
  });

  it('is a text field with the numeric keypad, so nothing types into hidden segments', async () => {
    await openNewForm();
    const field = input('Date of birth');
    expect(field.type).toBe('text');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.placeholder).toBe('MM/DD/YYYY');
  });

  it('says a year outside 1900 to this year is wrong and keeps the typing for the advisor to fix', async () => {
    await openNewForm();
    type('Date of birth', '03/15/1850');
    await waitFor(() => expect(describedText(input('Date of birth'))).toContain('The year 1850 is not between 1900 and'));
    expect(input('Date of birth').getAttribute('aria-invalid')).toBe('true');
    await waitFor(async () => expect((await listApplications(current().db)).map((a) => a.fields.dateOfBirth)).toEqual(['03/15/1850']));
  });

  it('asks for an empty date in the order the field shows', async () => {
    const { router, unmount } = await openNewForm();
    type('First name', 'Maria');
    await waitFor(() => expect(router.current().path).toMatch(/^\/records\//));
    const path = router.current().path;
    unmount();
    cleanup();
    renderApp(current(), path);
    await waitFor(() => expect(describedText(input('Date of birth'))).toContain('Type the date as MM/DD/YYYY.'));
    expect(input('Date of birth').placeholder).toBe('MM/DD/YYYY');
    expect(describedText(input('Date of birth'))).not.toContain('YYYY-MM-DD');
  });
});

describe('a birth date unusual for the grade', () => {
  it('is said on the field in words and blocks Confirm until “The paper shows this” is ticked; a new date asks again', async () => {
    await openNewForm();
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    // The batch's program year is 2025-26 and its grade 7: usually 12 on September 1, 2025.
    type('Date of birth', '03/15/2018');
    const words = 'A student in grade 7 is usually 12; this date makes them 7. Check the paper.';
    await waitFor(() => expect(describedText(input('Date of birth'))).toContain(words));
    // Asked afresh each time: the form is drawn again once its first save gives it a record's address.
    const confirm = () => screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    expect(screen.getByRole('button', { name: `${words} If it really shows this date, tick “The paper shows this”.` })).toBeTruthy();

    fireEvent.click(screen.getByLabelText('The paper shows this'));
    await waitFor(() => expect(confirm().disabled).toBe(false));
    expect(describedText(input('Date of birth'))).toContain(words);
    await waitFor(async () => expect((await listApplications(current().db)).map((a) => a.fields.dateOfBirthChecked)).toEqual(['yes']));

    type('Date of birth', '03/15/2019');
    await waitFor(() => expect(confirm().disabled).toBe(true));
    expect((screen.getByLabelText('The paper shows this') as HTMLInputElement).checked).toBe(false);
  });

  it('asks nothing for a usual age', async () => {
    await openNewForm();
    type('First name', 'Maria');
    type('Last name', 'Lopez');
    type('Date of birth', '03/15/2013');
    await waitFor(() => expect(describedText(input('Date of birth'))).toContain('March 15, 2013'));
    expect(screen.queryByLabelText('The paper shows this')).toBeNull();
  });
});
