import type { ComponentChildren } from 'preact';
import { isWithin, paths } from '../paths';
import { Link } from '../components/Link';
import { StorageMeter } from './StorageMeter';
import { UpdateBanner } from './UpdateBanner';

/**
 * The frame around every screen. `header` is the slot on the right of the top bar
 * for sync status and sign-in; `nav` adds links after the built-in ones.
 */
export function AppShell({ path, header, nav, children }: { path: string; header?: ComponentChildren; nav?: ComponentChildren; children: ComponentChildren }) {
  // A record opened from a batch lives at /records/:id; only the list itself is "Records".
  const inRecords = path === paths.records();
  const inBatches = path === paths.batches() || path.startsWith('/batches');
  const inStudents = isWithin(path, paths.students());
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href={paths.batches()} class="brand">
          <img src="/icon-192.png" alt="" width={32} height={32} />
          <span>MESA Intake</span>
        </Link>
        <nav aria-label="Main" class="mainnav">
          <Link href={paths.batches()} current={inBatches}>
            Batches
          </Link>
          <Link href={paths.records()} current={inRecords}>
            Records
          </Link>
          <Link href={paths.students()} current={inStudents}>
            Students
          </Link>
          {nav}
        </nav>
        <div class="topbar-slot">{header}</div>
      </header>
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="footer">
        <StorageMeter />
      </footer>
    </div>
  );
}
