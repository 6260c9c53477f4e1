/** The calendar date (YYYY-MM-DD) of `now` on this tablet's clock, as date inputs hold it. */
export function localIsoDate(now: number = Date.now()): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
