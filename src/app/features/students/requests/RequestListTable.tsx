import { REQUEST_COLUMNS, type RequestRow } from '../../../../shared/request-list';

/** The request list as a table, the same columns as the CSV; also what prints. */
export function RequestListTable({ rows }: { rows: readonly RequestRow[] }) {
  return (
    <table class="records request-table">
      <thead>
        <tr>
          {REQUEST_COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col" class="print-only">
            CA SSID (school office fills in)
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {REQUEST_COLUMNS.map((column) => (
              <td key={column}>{row[column]}</td>
            ))}
            <td class="print-only write-in" />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
