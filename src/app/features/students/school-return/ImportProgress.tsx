/** A progress bar while a school's file is read, with the rows done. */
export function ImportProgress({ fileName, rowsDone, rowsTotal }: { fileName: string; rowsDone: number; rowsTotal: number }) {
  return (
    <div class="import-progress">
      <label for="import-progress">Reading {fileName}</label>
      <progress id="import-progress" max={Math.max(rowsTotal, 1)} value={rowsDone} />
      <p aria-live="polite">{rowsTotal > 0 ? `${rowsDone} of ${rowsTotal} rows read` : 'Opening the file…'}</p>
    </div>
  );
}
