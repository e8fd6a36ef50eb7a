/** "00"…"59": a day's worth of samples is formatted without a padding call per field. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

/** `HH:MM:SS` of a second of the local day (the clock form AccessLink's continuous-HR samples use). */
export function formatClockTime(secondOfDay: number): string {
  const s = Math.max(0, Math.floor(secondOfDay));
  const hours = Math.floor(s / 3600);
  return `${hours < 60 ? TWO_DIGITS[hours] : String(hours)}:${TWO_DIGITS[Math.floor((s % 3600) / 60)]}:${TWO_DIGITS[s % 60]}`;
}
