/**
 * Compact text encodings for per-sample data (design §4: one row per exercise and sample type, per night,
 * per athlete-day — never one row per sample). All formats are plain ASCII, comma-separated, so they are
 * portable across SQLite and PostgreSQL and readable in a SQL shell.
 *
 * - `packNumbers`:      `97,99,,102`            — a fixed-rate series; an empty field is a missing value.
 * - `packPairs`:        `0:57,300:56,,`         — `key:value` pairs (e.g. second of the local day : bpm);
 *                                                 an empty value after `:` is a missing value.
 * - `packTimedValues`:  `0:2,1140:3`            — seconds since a stored base instant : value.
 * - `packZoneSamples`:  `25200:1=2480;2=1120`   — second of day : zone=seconds pairs separated by `;`.
 */

export function packNumbers(values: readonly (number | null)[]): string {
  // Concatenation in one loop: no intermediate array of strings for a series of thousands of samples.
  let packed = "";
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (i > 0) packed += ",";
    if (value !== null) packed += formatNumber(value);
  }
  return packed;
}

export function unpackNumbers(packed: string): (number | null)[] {
  if (packed === "") return [];
  return packed.split(",").map((field) => (field === "" ? null : Number(field)));
}

export type PackedPair = readonly [number, number | null];

export function packPairs(pairs: readonly PackedPair[]): string {
  // One loop, as `packNumbers`: a day of per-minute samples makes no array of strings on the way.
  let packed = "";
  for (let i = 0; i < pairs.length; i += 1) {
    const [key, value] = pairs[i];
    if (i > 0) packed += ",";
    packed += formatNumber(key);
    packed += ":";
    if (value !== null) packed += formatNumber(value);
  }
  return packed;
}

export function unpackPairs(packed: string): [number, number | null][] {
  if (packed === "") return [];
  return packed.split(",").map((entry) => {
    const [key, value] = entry.split(":");
    return [Number(key), value === "" || value === undefined ? null : Number(value)];
  });
}

/** Instants are stored as whole seconds after `baseMs` (maps are minute-resolution, so nothing is lost). */
export function packTimedValues(points: readonly { utcMs: number; value: number | null }[], baseMs: number): string {
  return packPairs(points.map((point) => [Math.round((point.utcMs - baseMs) / 1000), point.value] as const));
}

export function unpackTimedValues(packed: string, baseMs: number): { utcMs: number; value: number | null }[] {
  return unpackPairs(packed).map(([seconds, value]) => ({ utcMs: baseMs + seconds * 1000, value }));
}

export type ZoneSample = { secondOfDay: number; zones: { index: number; seconds: number }[] };

export function packZoneSamples(samples: readonly ZoneSample[]): string {
  return samples
    .map(
      (sample) =>
        `${sample.secondOfDay}:${sample.zones.map((zone) => `${zone.index}=${formatNumber(zone.seconds)}`).join(";")}`,
    )
    .join(",");
}

export function unpackZoneSamples(packed: string): ZoneSample[] {
  if (packed === "") return [];
  return packed.split(",").map((entry) => {
    const [second, zones] = entry.split(":");
    return {
      secondOfDay: Number(second),
      zones:
        zones === ""
          ? []
          : zones.split(";").map((zone) => {
              const [index, seconds] = zone.split("=");
              return { index: Number(index), seconds: Number(seconds) };
            }),
    };
  });
}

/** Heart rate, cadence and power are small integers: their text is looked up, not formatted, per sample. */
const SMALL_INTEGERS: readonly string[] = Array.from({ length: 2048 }, (_, i) => String(i));

/** `.5`-style fractions of hundredths: "01"…"99", trailing zero dropped ("10" → "1"). */
const HUNDREDTHS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0").replace(/(\d)0$/, "$1"));

/**
 * Values come from Polar's text unchanged, so JavaScript's shortest round-trip form is exact (`7.9`). Speeds and
 * altitudes have one or two decimals: a value that is exactly some hundredths is assembled from the tables (the
 * same text as `String`, which is slow for fractions), anything else goes through `String`.
 */
export function formatNumber(value: number): string {
  if (value >= 0 && value < 2048) {
    if (Number.isInteger(value)) return SMALL_INTEGERS[value];
    const hundredths = Math.round(value * 100);
    if (hundredths / 100 === value) {
      const fraction = hundredths % 100;
      return `${SMALL_INTEGERS[(hundredths - fraction) / 100]}.${HUNDREDTHS[fraction]}`;
    }
  }
  return String(value);
}
