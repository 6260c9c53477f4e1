/**
 * The deliberate second look asked for when a value looks like a copying
 * mistake: an SSID (same as the School Student ID, a placeholder, already
 * used) or a birth date unusual for the grade. Ticking it lets the record be
 * confirmed as written. `name` is the entry stop it makes (id f-<name>).
 */
export function PaperShowsBox({ name, label, checked, onChange }: { name: 'ssidChecked' | 'dateOfBirthChecked'; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = `f-${name}`;
  return (
    <div class={`field field-wide paper-shows ${name}`}>
      <label class="check" for={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} data-entry-field={name} />
        {label}
      </label>
    </div>
  );
}
