/**
 * Deterministic ids. Transactional ids are structured integers (athlete slot, day, index) so any id maps
 * back to its day without an index of the whole history; hashed exercise ids are a keyed bijection of the
 * int64 id, so they are unique and invertible, and look unrelated to it (as on Polar, §6.1 / U17).
 */

const EXERCISE_BASE = 8_100_000_000;
const EXERCISE_SLOT = 100_000_000;
const ACTIVITY_BASE = 62_000_000;
const ACTIVITY_SLOT = 10_000_000;
const PHYSICAL_BASE = 770_000;
const PHYSICAL_SLOT = 100_000;
/** Ids at or above this offset inside a slot belong to records created by `uploadNow`. */
const EXERCISE_LIVE = 90_000_000;
const ACTIVITY_LIVE = 9_000_000;
export const MAX_SESSIONS_PER_DAY = 10;

export type DayItemRef = { kind: "history"; day: number; index: number } | { kind: "live"; serial: number };

export function makeExerciseId(athleteIndex: number, day: number, index: number): number {
  return EXERCISE_BASE + athleteIndex * EXERCISE_SLOT + day * MAX_SESSIONS_PER_DAY + index;
}

export function makeLiveExerciseId(athleteIndex: number, serial: number): number {
  return EXERCISE_BASE + athleteIndex * EXERCISE_SLOT + EXERCISE_LIVE + serial;
}

export function parseExerciseId(athleteIndex: number, id: number): DayItemRef | null {
  const rest = id - EXERCISE_BASE - athleteIndex * EXERCISE_SLOT;
  if (!Number.isSafeInteger(id) || rest < 0 || rest >= EXERCISE_SLOT) return null;
  if (rest >= EXERCISE_LIVE) return { kind: "live", serial: rest - EXERCISE_LIVE };
  return { kind: "history", day: Math.floor(rest / MAX_SESSIONS_PER_DAY), index: rest % MAX_SESSIONS_PER_DAY };
}

/** `index` 0 = first sync of the day, 1 = a later re-sync. */
export function makeActivityId(athleteIndex: number, day: number, index: number): number {
  return ACTIVITY_BASE + athleteIndex * ACTIVITY_SLOT + day * 2 + index;
}

export function makeLiveActivityId(athleteIndex: number, serial: number): number {
  return ACTIVITY_BASE + athleteIndex * ACTIVITY_SLOT + ACTIVITY_LIVE + serial;
}

export function parseActivityId(athleteIndex: number, id: number): DayItemRef | null {
  const rest = id - ACTIVITY_BASE - athleteIndex * ACTIVITY_SLOT;
  if (!Number.isSafeInteger(id) || rest < 0 || rest >= ACTIVITY_SLOT) return null;
  if (rest >= ACTIVITY_LIVE) return { kind: "live", serial: rest - ACTIVITY_LIVE };
  return { kind: "history", day: Math.floor(rest / 2), index: rest % 2 };
}

export function makePhysicalInfoId(athleteIndex: number, entry: number): number {
  return PHYSICAL_BASE + athleteIndex * PHYSICAL_SLOT + entry;
}

export function parsePhysicalInfoId(athleteIndex: number, id: number): number | null {
  const rest = id - PHYSICAL_BASE - athleteIndex * PHYSICAL_SLOT;
  if (!Number.isSafeInteger(id) || rest < 0 || rest >= PHYSICAL_SLOT) return null;
  return rest;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HASH_LENGTH = 7;
/** 62^7 > every exercise id; the multiplier is odd and not a multiple of 31, so it is invertible mod 62^7. */
const MODULUS = BigInt(62) ** BigInt(HASH_LENGTH);
const MULTIPLIER = BigInt(2654435761);

function invertModulo(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [BigInt(1), BigInt(0)];
  while (r !== BigInt(0)) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

const INVERSE = invertModulo(MULTIPLIER, MODULUS);

function getSeedShift(seed: number): bigint {
  return (BigInt(seed >>> 0) * BigInt(7919)) % MODULUS;
}

/** Short url-safe id of the non-transactional exercise API (e.g. `bN7xQ2a`). */
export function hashExerciseId(id: number, seed: number): string {
  let value = (BigInt(id) * MULTIPLIER + getSeedShift(seed)) % MODULUS;
  let out = "";
  for (let i = 0; i < HASH_LENGTH; i++) {
    out = ALPHABET[Number(value % BigInt(62))] + out;
    value /= BigInt(62);
  }
  return out;
}

export function unhashExerciseId(hashedId: string, seed: number): number | null {
  if (hashedId.length !== HASH_LENGTH) return null;
  let value = BigInt(0);
  for (const char of hashedId) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * BigInt(62) + BigInt(digit);
  }
  const id = ((((value - getSeedShift(seed)) % MODULUS) + MODULUS) % MODULUS) * INVERSE % MODULUS;
  return Number(id);
}
