import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Request rate limits behind a small interface. The single-process default keeps its counters in memory
 * (rate-limiter-flexible's RateLimiterMemory); several app instances (design §8) would hand the same type a
 * shared store instead — rate-limiter-flexible has Postgres, Drizzle and Redis limiters with this `consume`.
 */
export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Spends `points` (default 1) of `key`'s allowance for the current window. */
  consume(key: string, points?: number): Promise<RateLimitVerdict>;
};

export type RateLimitOptions = { points: number; durationSeconds: number };

export function createMemoryRateLimiter(options: RateLimitOptions): RateLimiter {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return { ok: true };
      } catch (rejection) {
        // The limiter rejects with its result when the allowance is spent; anything else is a real failure.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
  };
}
