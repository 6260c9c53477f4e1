import { useNeedsAttention } from './useNeedsAttention';
import { ScreenTitle } from '../../components/ScreenTitle';
import { NeedsAttentionItem } from './NeedsAttentionItem';
import './sync.css';

/** The records the server refused or found in conflict, each with its reason and a way to resolve it. */
export function NeedsAttention() {
  const { records, sendToReview, resendAsIs, sameStudent } = useNeedsAttention();
  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Needs attention</ScreenTitle>
      {records.status === 'loading' && <p class="muted">Loading…</p>}
      {records.status === 'error' && <p class="notice notice-error">These records could not be read from this tablet’s storage.</p>}
      {records.status === 'ready' && records.data.length === 0 && (
        <p class="empty">Nothing needs attention: the server accepted every record it has seen.</p>
      )}
      {records.status === 'ready' && records.data.length > 0 && (
        <ul class="attention-list">
          {records.data.map((record) => (
            <NeedsAttentionItem key={record.id} record={record} actions={{ sendToReview, resendAsIs, sameStudent }} />
          ))}
        </ul>
      )}
    </section>
  );
}
