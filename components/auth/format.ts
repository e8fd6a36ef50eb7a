/** An instant as `YYYY-MM-DD HH:MM UTC`: account facts are not athlete-day data, so no local zone guessing. */
export function formatInstantUtc(date: Date | null): string {
  if (!date) return "—";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
