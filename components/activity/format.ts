/**
 * Presentation of activity data (pure, usable from server and client components). Times of day are seconds
 * of the athlete's local day, formatted from their digits — never through the viewer's clock.
 */

/** The designed empty state of a day without an activity summary. */
export const NO_ACTIVITY_DAY = "No activity data for this day — wear the watch and sync.";

/** Polar's activity zones in index order (API §10.2), with the colour each is drawn in. */
export const ACTIVITY_ZONE_VIEW = [
  { key: "sleep", label: "Sleep", color: "var(--chart-5)" },
  { key: "sedentary", label: "Sedentary", color: "var(--zone-1)" },
  { key: "light", label: "Light", color: "var(--zone-2)" },
  { key: "moderate", label: "Moderate", color: "var(--zone-4)" },
  { key: "vigorous", label: "Vigorous", color: "var(--zone-5)" },
  { key: "nonWear", label: "Not worn", color: "var(--color-border)" },
] as const;

export type ActivityZoneKey = (typeof ACTIVITY_ZONE_VIEW)[number]["key"];

/** Seconds of the local day → `HH:MM` (86 400 → `24:00`). */
export function formatSecondOfDay(seconds: number): string {
  const total = Math.round(seconds / 60);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** `12345` → `12 345` (thin grouping that reads the same in every locale). */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Clock ticks every 3 hours for a 24-hour axis, in seconds of the day. */
export const CLOCK_TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24].map((hour) => hour * 3600);

