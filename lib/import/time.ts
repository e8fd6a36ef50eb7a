/** `HH:MM:SS` of a second of the local day (the clock form AccessLink's continuous-HR samples use). */
export function formatClockTime(secondOfDay: number): string {
  const s = Math.max(0, Math.floor(secondOfDay));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
