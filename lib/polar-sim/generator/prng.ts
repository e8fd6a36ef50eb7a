/**
 * Seeded randomness. Every random stream is keyed by (dataset seed, athlete, day, purpose, …) so that any
 * day can be generated lazily, alone and in any order, with the same result.
 */

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

/** 32-bit avalanche mix (murmur3 finaliser). */
function mixBits(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines numbers and strings into one 32-bit seed; order matters. */
export function hashSeed(...parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "number") {
      // Split into two 32-bit halves so large ids and negative day indexes both hash well.
      const lo = part | 0;
      const hi = Math.floor(part / 4294967296) | 0;
      h = mixBits(h ^ lo) + 0x632be5ab;
      h = mixBits(h ^ hi);
    } else {
      for (let i = 0; i < part.length; i++) h = mixBits(h ^ part.charCodeAt(i)) + 0x27d4eb2f;
      h = mixBits(h ^ part.length);
    }
  }
  return h >>> 0;
}

/** mulberry32 over a seed derived from `parts`. */
export function createRng(...parts: readonly (number | string)[]): Rng {
  let state = hashSeed(...parts);
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    normal: () => {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      const u = Math.max(next(), 1e-12);
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
