/**
 * Typed failures of the crypto layer. The UI turns `code` into a sentence for
 * the advisor; none of them carries pupil data or key material.
 */
export type CryptoErrorCode =
  | 'wrong_passphrase'
  | 'weak_passphrase'
  | 'seal_broken'
  | 'vault_locked'
  | 'vault_not_set_up'
  | 'vault_already_set_up'
  | 'vault_changed';

/** Base class so callers can tell crypto failures from storage or network ones. */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** The passphrase does not open the key: nothing was read or changed. */
export class WrongPassphraseError extends CryptoError {
  constructor() {
    super('wrong_passphrase', 'That passphrase is not right. Nothing was changed; try again.');
    this.name = 'WrongPassphraseError';
  }
}

/**
 * AES-GCM refused to open a sealed value: it was made under another key, bound
 * to another record, or changed since it was sealed.
 */
export class SealBrokenError extends CryptoError {
  constructor(context: string) {
    super('seal_broken', `Encrypted data for ${context} could not be opened: it was changed or belongs elsewhere.`);
    this.name = 'SealBrokenError';
  }
}

/** A new passphrase broke the rules in passphrase.ts; `problems` says which, as sentences. */
export class WeakPassphraseError extends CryptoError {
  constructor(readonly problems: readonly { code: string; message: string }[]) {
    super('weak_passphrase', problems.map((p) => p.message).join(' '));
    this.name = 'WeakPassphraseError';
  }
}

/** Something needed the key while the vault was locked: unlock first. */
export class VaultLockedError extends CryptoError {
  constructor() {
    super('vault_locked', 'The app is locked. Enter your passphrase to continue.');
    this.name = 'VaultLockedError';
  }
}

/** Unlock was asked for before a passphrase was ever set on this tablet. */
export class VaultNotSetUpError extends CryptoError {
  constructor() {
    super('vault_not_set_up', 'No passphrase is set on this tablet yet. Choose one first.');
    this.name = 'VaultNotSetUpError';
  }
}

/** Setup ran where a passphrase already exists (e.g. in a second tab); the existing one stands. */
export class VaultAlreadySetUpError extends CryptoError {
  constructor() {
    super('vault_already_set_up', 'A passphrase is already set on this tablet. Unlock with it instead.');
    this.name = 'VaultAlreadySetUpError';
  }
}

/** The passphrase was changed in another tab while this one was changing it; nothing was written here. */
export class VaultChangedError extends CryptoError {
  constructor() {
    super('vault_changed', 'The passphrase was just changed in another window. Lock and unlock with the new one.');
    this.name = 'VaultChangedError';
  }
}
