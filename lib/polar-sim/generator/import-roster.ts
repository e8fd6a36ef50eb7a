/**
 * The athlete who brings her history in Polar's "Download your data" archive (issue 15): the demo imports her
 * archive when she connects, so her PMC reaches back more than a year on her first day. Only datasets created
 * with `importAthlete` include her. Her slot is fixed (not her place in the list), so the archive writer and
 * the API serve the same sessions whichever optional athletes a dataset has, and no default athlete moves.
 */
import { createDefaultRoster, type AthleteSpec } from "@/lib/polar-sim/generator/roster";
import { createFixedZone } from "@/lib/polar-sim/generator/time";

/** Past the default roster (8) and the story athletes (2). */
export const IMPORT_ATHLETE_INDEX = 12;

export function createImportAthlete(): AthleteSpec {
  const [steady, mikko] = createDefaultRoster();
  return {
    ...steady,
    userId: 61500150,
    login: "elena",
    firstName: "Elena",
    lastName: "Novak",
    birthdate: "1990-06-21",
    gender: "FEMALE",
    weight: 63.4,
    height: 171,
    story: "runner and cyclist (UTC+1) who joined recently: her earlier years came from Polar's archive, imported on her first day",
    zone: createFixedZone(60),
    utcOffsetMinutes: 60,
    device: "Polar Pacer Pro",
    deviceId: "E15A0C77",
    hrMax: 186,
    hrRest: 51,
    vo2Max: 50,
    rmssd: 54,
    home: { latitude: 50.08804, longitude: 14.42076, altitude: 200 },
    trainingBackground: "REGULAR",
    week: mikko.week,
  };
}
