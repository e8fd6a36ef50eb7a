import { describe, expect, it } from "vitest";
import { createSimDataset } from "@/lib/polar-sim/generator";
import { START_DATE, dateOf } from "./fixtures";

describe("absolute URLs", () => {
  it("builds transactional URLs from the link context and owner URLs from the dataset's base", () => {
    const dataset = createSimDataset({ seed: 42, startDate: START_DATE, days: 120, apiBaseUrl: "http://127.0.0.1:4100/" });
    const aino = dataset.athletes[0];
    const date = dateOf(30);
    expect(aino.sleep(date)?.polar_user).toBe("http://127.0.0.1:4100/v3/users/48213977");
    expect(aino.continuousHeartRate(date)?.polar_user).toBe("http://127.0.0.1:4100/v3/users/48213977");
    dataset.setApiBaseUrl("http://127.0.0.1:5555");
    expect(aino.nightlyRecharge(date)?.polar_user).toBe("http://127.0.0.1:5555/v3/users/48213977");
    const upload = aino.uploadsBetween(0, Date.UTC(2027, 0, 1)).find((candidate) => candidate.kind === "exercise");
    if (!upload || upload.kind !== "exercise") throw new Error("no exercise");
    expect(aino.exerciseByHash(upload.hashedId, { samples: false, zones: false, route: false })?.polar_user).toBe(
      "http://127.0.0.1:5555/v3/users/48213977",
    );
    const exercise = aino.exercise(upload.id, { apiBaseUrl: "http://sim.test", transactionId: 12 });
    expect(exercise?.["polar-user"]).toBe("http://sim.test/v3/users/48213977");
    expect(exercise?.["transaction-id"]).toBe(12);
    // Without a transaction (e.g. a re-read outside one) the field is left out.
    expect(aino.exercise(upload.id, { apiBaseUrl: "http://sim.test" })).not.toHaveProperty("transaction-id");
  });

  it("uses Polar's production host by default", () => {
    const dataset = createSimDataset({ seed: 1, startDate: START_DATE, days: 30 });
    expect(dataset.athletes[0].sleep(dateOf(10))?.polar_user).toBe("https://www.polaraccesslink.com/v3/users/48213977");
    expect(() => createSimDataset({ seed: 1, startDate: "05.01.2026", days: 30 })).toThrow();
    expect(() => createSimDataset({ seed: 1, startDate: START_DATE, days: 0 })).toThrow();
  });
});
