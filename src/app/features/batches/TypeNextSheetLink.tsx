import { paths } from '../../paths';
import type { LocalBatch } from '../../db/schema';
import { Link } from '../../components/Link';

/** "Type next sheet" of a batch; none for a batch typed on another tablet, whose sheets this tablet only verifies. */
export function TypeNextSheetLink({ batch }: { batch: Pick<LocalBatch, 'id' | 'typedElsewhere'> }) {
  if (batch.typedElsewhere) return null;
  return (
    <Link href={paths.newRecord(batch.id)} class="button">
      Type next sheet
    </Link>
  );
}
