/**
 * Two extra athletes for the sync stories (issue 13): the steady runner's habits at the two ends of the
 * world's clock, UTC+14 (Kiribati) and UTC−12, where a local day starts up to 14 hours before or 12 hours
 * after the UTC one. Only datasets created with `storyAthletes` include them, after the default roster, so
 * every default athlete keeps its slot, ids and data.
 */
import { createDefaultRoster, type AthleteSpec } from "@/lib/polar-sim/generator/roster";
import { createFixedZone } from "@/lib/polar-sim/generator/time";

export function createStoryRoster(): AthleteSpec[] {
  const [steady] = createDefaultRoster();
  return [
    {
      ...steady,
      userId: 60014014,
      login: "teuea",
      firstName: "Teuea",
      lastName: "Tabai",
      story: "steady runner at UTC+14 (Kiribati): local days start 14 hours before UTC's",
      zone: createFixedZone(840),
      utcOffsetMinutes: 840,
      deviceId: "B14E0A21",
      home: { latitude: 1.87088, longitude: -157.36302, altitude: 3 },
    },
    {
      ...steady,
      userId: 60012012,
      login: "baker",
      firstName: "Noa",
      lastName: "Baker",
      story: "steady runner at UTC−12: local days start 12 hours after UTC's",
      zone: createFixedZone(-720),
      utcOffsetMinutes: -720,
      deviceId: "C12W0B34",
      home: { latitude: 0.19382, longitude: -176.47685, altitude: 2 },
    },
  ];
}
