/**
 * The deliberate second look asked for when an SSID looks like a copying mistake
 * (same as the School Student ID, a placeholder, already used): ticking it lets
 * the record be confirmed as written.
 */
export function SsidCheckedBox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field field-wide ssid-checked">
      <label class="check" for="f-ssidChecked">
        <input id="f-ssidChecked" type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} data-entry-field="ssidChecked" />
        The paper shows this number
      </label>
    </div>
  );
}
