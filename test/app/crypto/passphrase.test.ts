import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseProblems } from '../../../src/app/crypto/passphrase';

describe('passphrase rules', () => {
  it.each([
    ['three ordinary words', 'river lantern maple'],
    ['exactly the minimum length', 'abcdefghijkl'],
    ['non-Latin words', 'ñandú y cóndor'],
    ['digits mixed with words', 'room 214 blue door'],
  ])('accepts %s', (_name, passphrase) => {
    expect(passphraseProblems(passphrase)).toEqual([]);
  });

  it.each([
    ['one character short', 'abcdefghijk', 'too_short'],
    ['empty', '', 'too_short'],
    ['a long PIN', '123456789012', 'only_digits'],
    ['one repeated character', 'aaaaaaaaaaaaaa', 'too_repetitive'],
    ['a trailing space', 'river lantern maple ', 'edge_spaces'],
    ['a leading space', ' river lantern maple', 'edge_spaces'],
    ['a pasted document', 'x'.repeat(100) + 'abcdefg'.repeat(30), 'too_long'],
  ])('refuses %s', (_name, passphrase, code) => {
    expect(passphraseProblems(passphrase).map((p) => p.code)).toContain(code);
  });

  it('counts characters, not UTF-16 units, toward the minimum', () => {
    const emoji = '🔒🔑🌵🌊🚲🎒';
    expect(emoji.length).toBeGreaterThanOrEqual(MIN_PASSPHRASE_LENGTH);
    expect(passphraseProblems(emoji).map((p) => p.code)).toContain('too_short');
  });

  it('gives every problem a sentence for the advisor', () => {
    for (const problem of passphraseProblems('1111')) expect(problem.message).toMatch(/\.$/);
  });
});
