import type { JsonObject, SimAthleteData, SimDataset } from "@/lib/polar-sim/contract";
import { createSimDataset } from "@/lib/polar-sim/generator";

export const START_DATE = "2026-01-05";
export const DAYS = 400;

export function createDefaultDataset(seed = 42): SimDataset {
  return createSimDataset({ seed, startDate: START_DATE, days: DAYS });
}

export function dateOf(day: number): string {
  return new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
}

export function athleteByLogin(dataset: SimDataset, login: string): SimAthleteData {
  const athlete = dataset.athletes.find((candidate) => candidate.profile.login === login);
  if (!athlete) throw new Error(`no athlete ${login}`);
  return athlete;
}

/** Seconds of an ISO duration such as `PT1H2M45S`. */
export function parseIsoDuration(value: unknown): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(value));
  if (!match) throw new Error(`not an ISO duration: ${String(value)}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** UTC ms of a local `YYYY-MM-DDTHH:MM:SS` with a separate offset in minutes (UTC = local − offset). */
export function localToUtcMs(local: string, offsetMinutes: number): number {
  return Date.parse(`${local}Z`) - offsetMinutes * 60_000;
}

export function asObject(value: unknown): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
  return value as JsonObject;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
