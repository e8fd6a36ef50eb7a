/**
 * The simulator's synthetic-data generator: `createSimDataset` builds the default roster over a seeded,
 * lazily generated history. Same seed and options => byte-identical JSON.
 */
import type { SimDataset, SimDatasetOptions, SimUpload } from "@/lib/polar-sim/contract";
import type { OwnerLinks } from "@/lib/polar-sim/generator/athlete";
import { SimAthlete } from "@/lib/polar-sim/generator/athlete";
import { AthleteModel } from "@/lib/polar-sim/generator/model";
import { createImportAthlete, IMPORT_ATHLETE_INDEX } from "@/lib/polar-sim/generator/import-roster";
import { createDefaultRoster } from "@/lib/polar-sim/generator/roster";
import { createStoryRoster } from "@/lib/polar-sim/generator/story-roster";

/** Base of the owner URLs of resources whose render methods get no `SimLinkContext` (sleep, NR, CHR, §6.1). */
export const DEFAULT_OWNER_BASE_URL = "https://www.polaraccesslink.com";

export type CreateSimDatasetOptions = SimDatasetOptions & {
  /**
   * Base for the `polar_user` URLs of the non-transactional resources, whose contract methods take no link
   * context. Defaults to Polar's production host; can be changed later with `setApiBaseUrl`.
   */
  apiBaseUrl?: string;
  /** Add the story athletes (UTC+14, UTC−12) after the default roster. Default false. */
  storyAthletes?: boolean;
  /** Add the athlete whose history the demo imports from her archive (in her own fixed slot). Default false. */
  importAthlete?: boolean;
};

/** `SimDataset` plus a setter for the owner-link base (usable once the server knows its own URL). */
export type GeneratedSimDataset = SimDataset & {
  setApiBaseUrl(apiBaseUrl: string): void;
};

const trimSlashes = (url: string): string => url.replace(/\/+$/, "");

export function createSimDataset(options: CreateSimDatasetOptions): GeneratedSimDataset {
  if (!Number.isInteger(options.days) || options.days < 1) throw new Error(`days must be a positive integer: ${options.days}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.startDate)) throw new Error(`startDate must be YYYY-MM-DD: ${options.startDate}`);
  const datasetOptions: SimDatasetOptions = { seed: options.seed, startDate: options.startDate, days: options.days };
  const links: OwnerLinks = { apiBaseUrl: trimSlashes(options.apiBaseUrl ?? DEFAULT_OWNER_BASE_URL) };
  const roster = options.storyAthletes ? [...createDefaultRoster(), ...createStoryRoster()] : createDefaultRoster();
  const athletes = roster.map(
    (spec, index) => new SimAthlete(new AthleteModel(spec, index, datasetOptions), links),
  );
  if (options.importAthlete) athletes.push(new SimAthlete(new AthleteModel(createImportAthlete(), IMPORT_ATHLETE_INDEX, datasetOptions), links));
  const byId = new Map<number, SimAthlete>(athletes.map((athlete) => [athlete.profile.userId, athlete]));
  return {
    options: datasetOptions,
    athletes,
    athlete: (userId) => byId.get(userId),
    uploadNow(userId, atMs, what): SimUpload[] {
      const athlete = byId.get(userId);
      if (!athlete) throw new Error(`unknown simulated athlete ${userId}`);
      return athlete.uploadNow(atMs, what);
    },
    setApiBaseUrl(apiBaseUrl) {
      links.apiBaseUrl = trimSlashes(apiBaseUrl);
    },
  };
}
