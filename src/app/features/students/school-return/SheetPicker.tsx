import type { SheetChoice } from './useSchoolReturnImport';

/** Which sheet of a workbook with several is read: the first until the advisor picks another. */
export function SheetPicker({ sheets, onChoose }: { sheets: SheetChoice; onChoose: (index: number) => void }) {
  return (
    <div class="field return-sheet">
      <label for="return-sheet">Sheet of the workbook</label>
      <select id="return-sheet" value={String(sheets.chosen)} onChange={(e) => onChoose(Number(e.currentTarget.value))}>
        {sheets.names.map((name, index) => (
          <option key={name} value={String(index)}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
