import type { ComponentChildren } from 'preact';
import { paths } from '../../paths';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useLocation } from '../../hooks/useLocation';
import { useSession } from '../../hooks/useSession';
import { HistoryPanel } from './HistoryPanel';
import './admin.css';

const TABS = [
  { href: paths.centerAccounts(), label: 'Advisors' },
  { href: paths.centerSchools(), label: 'Schools' },
  { href: paths.centerTablets(), label: 'Tablets' },
  { href: paths.centerProgress(), label: 'SSID progress' },
  { href: paths.centerVerification(), label: 'Verification' },
];

/**
 * The frame of every center administrator's screen: the title, the tabs, the
 * screen, and the short history below. Anyone but a center administrator sees
 * only why (the server refuses them anyway).
 */
export function AdminFrame({ title, round, children }: { title: string; round: number; children: ComponentChildren }) {
  const { session } = useSession();
  const { path } = useLocation();
  if (session?.user.role !== 'center_admin') {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <ScreenTitle>Center</ScreenTitle>
        <p class="empty">These screens are for center administrators.</p>
      </section>
    );
  }
  return (
    <section class="screen admin-screen" aria-labelledby="screen-title">
      <ScreenTitle>{title}</ScreenTitle>
      <nav aria-label="Center" class="admin-tabs">
        {TABS.map((tab) => (
          <Link key={tab.href} href={tab.href} current={path === tab.href} class="admin-tab">
            {tab.label}
          </Link>
        ))}
      </nav>
      {children}
      <HistoryPanel round={round} />
    </section>
  );
}
