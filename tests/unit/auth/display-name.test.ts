import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { displayNameSchema } from "@/lib/auth/display-name";
import { saveDisplayName } from "@/lib/dal/account";
import { isAppError } from "@/lib/errors";
import { addAthlete, createTestDb, type TestDb } from "../sync/support";

describe("displayNameSchema", () => {
  it.each([
    ["  Sofia   Okafor ", "Sofia Okafor"],
    ["Tomás", "Tomás"],
    ["x".repeat(60), "x".repeat(60)],
  ])("%j → %j", (input, expected) => {
    expect(displayNameSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["", "Enter a name."],
    ["    ", "Enter a name."],
    ["x".repeat(61), "Keep the name to 60 characters or fewer."],
    ["bad\u0007bell", "The name contains characters that cannot be shown."],
    [null, "Enter a name."],
  ])("rejects %j: %s", (input, message) => {
    const result = displayNameSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("saveDisplayName", () => {
  let unit: TestDb;
  beforeEach(() => {
    unit = createTestDb();
    addAthlete(unit.db, { id: "sofia", polarUserId: 55291806 });
  });
  afterEach(() => unit.close());

  const nameOf = () => unit.db.select({ name: users.name }).from(users).where(eq(users.id, "sofia")).get()?.name;

  it("stores the trimmed name", () => {
    expect(saveDisplayName(unit.db, "sofia", "  Sofia O. ")).toEqual({ name: "Sofia O." });
    expect(nameOf()).toBe("Sofia O.");
  });

  it("refuses a bad name with a readable error and keeps the stored one", () => {
    saveDisplayName(unit.db, "sofia", "Sofia");
    let caught: unknown;
    try {
      saveDisplayName(unit.db, "sofia", "   ");
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code === "bad_request" && caught.message).toBe("Enter a name.");
    expect(nameOf()).toBe("Sofia");
  });
});
