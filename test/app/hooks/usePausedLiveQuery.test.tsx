// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { screenStorePerTest, seedBatch } from '../harness';
import type { MesaDb } from '../../../src/app/db/schema';
import { useLiveQuery, usePausedLiveQuery } from '../../../src/app/hooks/useLiveQuery';
import { isTyping, noteTyping } from '../../../src/app/services/typingPause';

const store = screenStorePerTest();

let stopTyping = () => undefined as void;

afterEach(async () => {
  stopTyping();
  await waitFor(() => expect(isTyping()).toBe(false));
});

/** The batch count twice: held while typing, and plainly live as the witness of each stored change. */
function Counts({ db }: { db: MesaDb }) {
  const held = usePausedLiveQuery(() => db.batches.count(), [db]);
  const live = useLiveQuery(() => db.batches.count(), [db]);
  const shown = (r: typeof held) => (r.status === 'ready' ? String(r.data) : r.status);
  return <p>{`held ${shown(held)}, live ${shown(live)}`}</p>;
}

/** Types on (a change every 100 ms, well inside the pause) until the returned function is called. */
function keepTyping(): () => void {
  noteTyping();
  const timer = setInterval(noteTyping, 100);
  stopTyping = () => clearInterval(timer);
  return stopTyping;
}

describe('a live query that waits for a pause in the typing', () => {
  it('keeps what it showed while the advisor types, and reads again once typing pauses', async () => {
    const { db } = store();
    render(<Counts db={db} />);
    await screen.findByText('held 0, live 0');
    const stop = keepTyping();
    await seedBatch(store());
    await screen.findByText(/live 1/);
    // By the time the live count shows a second change, a query still live would have shown the first.
    await seedBatch(store());
    await screen.findByText(/live 2/);
    expect(screen.getByText(/live 2/).textContent).toBe('held 0, live 2');
    stop();
    await screen.findByText('held 2, live 2');
  });

  it('reads for the first time even while the advisor types', async () => {
    const { db } = store();
    await seedBatch(store());
    render(<Counts db={db} />);
    // A key comes before the first read has answered.
    const stop = keepTyping();
    await screen.findByText('held 1, live 1');
    stop();
  });
});
