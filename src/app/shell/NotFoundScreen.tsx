import { Link } from '../components/Link';
import { paths } from '../paths';
import { ScreenTitle } from '../components/ScreenTitle';

/** A path the app does not know. */
export function NotFoundScreen() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Page not found</ScreenTitle>
      <p>There is nothing at this address.</p>
      <Link href={paths.batches()} class="button">
        Go to batches
      </Link>
    </section>
  );
}
