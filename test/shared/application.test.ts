import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, fieldLabel } from '../../src/shared/application';

describe('fieldLabel', () => {
  it('names a paper field by its label on the form, and anything else by its own name', () => {
    expect(fieldLabel('dateOfBirth')).toBe('Date of birth');
    expect(fieldLabel('ssid')).toBe('CA SSID');
    expect(fieldLabel('serverVersion')).toBe('serverVersion');
    for (const def of DEFAULT_FORM) expect(fieldLabel(def.name)).toBe(def.label);
  });
});
