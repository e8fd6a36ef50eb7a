import { describe, expect, it } from "vitest";
import { parseClockTime } from "@/lib/polar/time";
import { formatClockTime } from "@/lib/import/time";

describe("formatClockTime", () => {
  it("writes HH:MM:SS that the sync's clock parser reads back, for every second of a day", () => {
    expect(formatClockTime(0)).toBe("00:00:00");
    expect(formatClockTime(3723.9)).toBe("01:02:03");
    expect(formatClockTime(86_399)).toBe("23:59:59");
    expect(formatClockTime(-5)).toBe("00:00:00");
    for (let second = 0; second < 86_400; second += 37) expect(parseClockTime(formatClockTime(second))).toBe(second);
  });
});
