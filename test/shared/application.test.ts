import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, fieldLabel, formSections } from '../../src/shared/application';

describe('fieldLabel', () => {
  it('names a paper field by its label on the form, and anything else by its own name', () => {
    expect(fieldLabel('dateOfBirth')).toBe('Date of birth');
    expect(fieldLabel('ssid')).toBe('CA SSID');
    expect(fieldLabel('serverVersion')).toBe('serverVersion');
    for (const def of DEFAULT_FORM) expect(fieldLabel(def.name)).toBe(def.label);
  });
});

describe('formSections', () => {
  it('groups the paper form by section, in paper order, every field once', () => {
    const sections = formSections(DEFAULT_FORM);
    expect(sections.map(([name]) => name)).toEqual(['Student', 'Background', 'Parent/guardian', 'Signatures', 'Office use']);
    expect(sections[0]![1].map((def) => def.name)).toEqual(['firstName', 'middleName', 'lastName', 'dateOfBirth', 'gender', 'grade', 'schoolId', 'ssid', 'ssidSource', 'schoolStudentId', 'email', 'phone', 'street', 'city', 'zip']);
    expect(sections.flatMap(([, defs]) => defs)).toEqual(DEFAULT_FORM);
  });
});
