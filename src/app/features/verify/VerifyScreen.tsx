import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';
import { paths } from '../../paths';
import { describeSsidDisagreements } from '../../model/secondKeying';
import { fieldLabel } from '../../../shared/application';
import type { VerifiedField } from '../../../shared/verification-record';
import type { VerifiedValues } from '../../../shared/verify-sheet';
import { keyedValue, keyingInput } from './keyed';
import { SecondLookSection } from './SecondLookSection';
import { useVerifyBatch } from './useVerifyBatch';

/** One blank field of a blind keying: nothing of the first entry, no autofill. */
function BlindField({ field, name }: { field: VerifiedField; name: string }) {
  const id = `${name}-${field}`;
  return (
    <div class="field">
      <label for={id}>{fieldLabel(field)}</label>
      <input id={id} name={field} autocomplete="off" autocorrect="off" spellcheck={false} {...keyingInput(field)} />
    </div>
  );
}

/**
 * "Verify batch": the second keyer picks themselves, then types the verified
 * fields of each sheet again from the paper, blind. Where the keyings differ
 * the screen names the field (never which entry came first) and asks for the
 * value as it reads on the paper, blind again; a sheet the paper did not
 * settle waits below for a second look.
 */
export function VerifyScreen({ batchId }: { batchId: string }) {
  const { view, key, look, error } = useVerifyBatch(batchId);
  const [verifier, setVerifier] = useState<string | null>(null);
  const [second, setSecond] = useState<VerifiedValues | null>(null);
  const [ask, setAsk] = useState<VerifiedField[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const nextId = view.status === 'ready' ? view.data?.next?.id : undefined;
  // The form is drawn anew for each sheet and each question to the paper: the
  // cursor goes to its first blank field, so the keyer types on from the paper.
  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, [verifier, nextId, ask]);

  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'error' || view.data === null) return <p>This batch is not on this tablet.</p>;
  const { fields, keyers, next, sheetsLeft, summary, secondLook } = view.data;
  const ssids = describeSsidDisagreements(summary.ssids);

  const onPick = (event: Event) => {
    event.preventDefault();
    const picked = new FormData(event.currentTarget as HTMLFormElement).get('keyer');
    if (typeof picked === 'string') setVerifier(picked);
  };
  const onKey = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const typed = (field: VerifiedField) => keyedValue(field, String(data.get(field) ?? ''));
    const keyed = second ?? (Object.fromEntries(fields.map((f) => [f, typed(f)])) as VerifiedValues);
    const third = second ? Object.fromEntries(ask.map((f) => [f, typed(f)])) : {};
    const differing = await key(verifier ?? '', keyed, third);
    form.reset();
    setSecond(differing.length > 0 ? keyed : null);
    setAsk(differing);
    (form.querySelector('input') as HTMLInputElement | null)?.focus();
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Verify batch</ScreenTitle>
      <p class="summary" role="status">
        {summary.verified} verified · {sheetsLeft} to verify · {summary.secondLook} need a second look
        {ssids ? <><br />{ssids}</> : null}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {verifier === null ? (
        keyers.length === 0 ? (
          <p>No other advisor of your center is on this tablet yet. Sync once while online, then verify.</p>
        ) : (
          <form class="stack-form" onSubmit={onPick}>
            <fieldset>
              <legend>Who is verifying? The person who typed the batch cannot verify it.</legend>
              {keyers.map((k, i) => (
                <label key={k.id} class="choice">
                  <input type="radio" name="keyer" value={k.id} required checked={i === 0} /> {k.name}
                </label>
              ))}
            </fieldset>
            <div class="form-actions">
              <button type="submit" class="button button-primary">Start verifying</button>
            </div>
          </form>
        )
      ) : next === null ? (
        <p>Every typed sheet of this batch has been keyed a second time.</p>
      ) : (
        <form ref={formRef} class="stack-form" onSubmit={(e) => void onKey(e)} autocomplete="off" key={`${next.id}-${ask.join()}`}>
          <h2>Sheet {next.sheet}</h2>
          {ask.length > 0 ? (
            <p role="alert">
              The two keyings differ in {ask.map(fieldLabel).join(', ')}. Type {ask.length === 1 ? 'it' : 'them'} as the paper shows.
            </p>
          ) : (
            <p>Type these fields from the paper.</p>
          )}
          {(ask.length > 0 ? ask : fields).map((f) => <BlindField key={f} field={f} name={ask.length > 0 ? 'paper' : 'second'} />)}
          <div class="form-actions">
            <button type="submit" class="button button-primary">{ask.length > 0 ? 'Settle from the paper' : 'Next sheet'}</button>
          </div>
        </form>
      )}
      <SecondLookSection sheets={secondLook} keyers={keyers} look={look} takeFocus={verifier !== null && next === null} />
      <div class="form-actions">
        <Link href={paths.batch(batchId)} class="button">Back to the batch</Link>
      </div>
    </section>
  );
}
