/** The state of one admin form: its fields, the server's reasons per field, a notice, and submit. */
import { useState } from 'preact/hooks';
import type { AdminCalls } from './adminCalls';
import type { AdminResource } from './useAdmin';

/** What the form shows under itself after a submit. */
export interface FormNotice {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * `send` makes the call with the form's values; on success the form is cleared
 * and `done` may return a sentence to show; on failure each field gets the
 * server's reason.
 */
export function useAdminForm<F extends Record<string, string>, R>(
  blank: F,
  act: AdminResource<unknown>['act'],
  send: (calls: AdminCalls, form: F) => Promise<R>,
  done: (value: R) => string | null,
) {
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await act((calls) => send(calls, form));
    setBusy(false);
    if (outcome.ok) {
      setForm(blank);
      setErrors({});
      const text = done(outcome.value);
      setNotice(text === null ? null : { kind: 'ok', text });
    } else {
      setErrors(outcome.fields);
      setNotice({ kind: 'error', text: outcome.message });
    }
  };
  const setField = (name: keyof F) => (value: string) => setForm({ ...form, [name]: value });
  return { form, setField, errors, notice, busy, onSubmit };
}
