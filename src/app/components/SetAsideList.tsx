import type { SetAsideRow } from '../db/setAside';
import { paths } from '../paths';
import { setAsideKind, setAsideTitle } from '../model/setAsideView';
import { Link } from './Link';

/** Rows set aside because they fail their schema, each with "This record needs fixing" and a way to the repair view. */
export function SetAsideList({ rows }: { rows: readonly SetAsideRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section class="set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">{rows.length === 1 ? '1 record needs fixing' : `${rows.length} records need fixing`}</h2>
      <p class="muted">The tablet could not read these as they are stored. Everything else works as usual.</p>
      <ul class="set-aside-list">
        {rows.map((row) => (
          <li key={`${row.table}/${row.key}`} class="set-aside-row">
            <div>
              <p class="set-aside-name">
                <strong>This record needs fixing</strong> · {setAsideTitle(row)}
              </p>
              <p class="muted">
                {setAsideKind(row.table)}. {row.reason}
              </p>
            </div>
            <Link href={paths.repair(row.table, row.key)} class="button">
              Repair
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
