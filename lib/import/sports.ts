/**
 * Polar's sports catalogue (polar-export.md §2d): the current format names a sport by numeric id, the legacy
 * format by key. Both become the catalogue key (`detailedSport`) and the AccessLink top-level sport (`sport`),
 * so an imported session compares with a synced one. Display names are localised and never used.
 */

/** Catalogue id → key (the common ids of §2d). */
export const SPORT_KEYS_BY_ID: Readonly<Record<string, string>> = {
  "1": "RUNNING", "2": "CYCLING", "3": "WALKING", "4": "JOGGING", "5": "MOUNTAIN_BIKING",
  "6": "CROSS-COUNTRY_SKIING", "7": "DOWNHILL_SKIING", "8": "ROWING", "9": "NORDIC_WALKING", "11": "HIKING",
  "15": "STRENGTH_TRAINING", "16": "OTHER_OUTDOOR", "17": "TREADMILL_RUNNING", "18": "INDOOR_CYCLING",
  "19": "ROAD_RUNNING", "20": "CIRCUIT_TRAINING", "23": "SWIMMING", "27": "TRAIL_RUNNING", "33": "YOGA",
  "34": "CROSS_FIT", "38": "ROAD_BIKING", "55": "CROSS_TRAINER", "57": "FUNCTIONAL_TRAINING", "58": "BOOTCAMP",
  "83": "OTHER_INDOOR", "103": "POOL_SWIMMING", "105": "OPEN_WATER_SWIMMING", "111": "MOBILITY_DYNAMIC",
  "113": "BACKCOUNTRY_SKIING", "117": "INDOOR_ROWING", "118": "SPINNING", "126": "CORE", "127": "MOBILITY_STATIC",
  "177": "E_BIKE", "195": "GRAVEL",
};

/** Catalogue key → AccessLink's top-level `sport` (the family every dashboard groups by). */
const FAMILY_BY_KEY: Readonly<Record<string, string>> = {
  RUNNING: "RUNNING", JOGGING: "RUNNING", ROAD_RUNNING: "RUNNING", TRAIL_RUNNING: "RUNNING", TREADMILL_RUNNING: "RUNNING",
  CYCLING: "CYCLING", ROAD_BIKING: "CYCLING", INDOOR_CYCLING: "CYCLING", MOUNTAIN_BIKING: "CYCLING", GRAVEL: "CYCLING",
  SPINNING: "CYCLING", E_BIKE: "CYCLING",
  SWIMMING: "SWIMMING", POOL_SWIMMING: "SWIMMING", OPEN_WATER_SWIMMING: "SWIMMING",
  WALKING: "WALKING", NORDIC_WALKING: "WALKING", HIKING: "WALKING",
  STRENGTH_TRAINING: "STRENGTH_TRAINING", CIRCUIT_TRAINING: "STRENGTH_TRAINING", CORE: "STRENGTH_TRAINING",
};

export type ImportedSport = { sport: string; detailedSport: string };

/** From a current-format id; an id missing from the catalogue stays visible as `SPORT_<id>`. */
export function toSportFromId(id: string): ImportedSport {
  const key = SPORT_KEYS_BY_ID[id] ?? `SPORT_${id}`;
  return toSportFromKey(key);
}

export function toSportFromKey(rawKey: string): ImportedSport {
  const key = rawKey.trim().toUpperCase().replace(/[\s-]+/g, "_").replace("CROSS_COUNTRY", "CROSS-COUNTRY");
  return { sport: FAMILY_BY_KEY[key] ?? "OTHER", detailedSport: key };
}
