// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyScreen } from '../../../src/app/components/lazyScreen';

afterEach(cleanup);

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('a screen loaded on first use', () => {
  it('says it is loading, then draws the screen once fetched', async () => {
    const Lazy = lazyScreen(() => Promise.resolve(Greeting));
    render(<Lazy name="Itzel" />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByText('Hello Itzel')).toBeTruthy();
  });

  it('draws the screen in its first render when it was fetched ahead', async () => {
    const Lazy = lazyScreen(() => Promise.resolve(Greeting));
    await Lazy.preload();
    render(<Lazy name="Itzel" />);
    expect(screen.getByText('Hello Itzel')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
