import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storePolarSignIn } from "@/lib/auth/connection";
import { buildAthleteExport, buildAthleteExportZip, toTableCsv } from "@/lib/dal/export";
import { createTestDb, insertUser, TEST_KEY, type TestDb } from "./support";

const TOKEN = "plain-token-4f1c9a77d2e0";
const EXPORTED_AT = new Date("2026-11-25T03:00:00Z");

/** Tables shaped like the ones data helpers add: direct user rows, child rows, and a shared team. */
function createDataTables(t: TestDb): void {
  t.db.$client.exec(`
    CREATE TABLE t_exercise (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE, sport TEXT, note TEXT);
    CREATE TABLE t_sample (id INTEGER PRIMARY KEY, exercise_id INTEGER NOT NULL REFERENCES t_exercise(id) ON DELETE CASCADE, packed BLOB);
    CREATE TABLE t_team (id INTEGER PRIMARY KEY, coach_user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE, name TEXT);
    CREATE TABLE t_team_member (team_id INTEGER NOT NULL REFERENCES t_team(id) ON DELETE CASCADE, athlete_user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE, PRIMARY KEY (team_id, athlete_user_id));
    INSERT INTO t_exercise VALUES (1, 'u-a', 'RUNNING', 'tempo, "hard"'), (2, 'u-b', 'CYCLING', NULL), (3, 'u-a', 'SWIMMING', NULL);
    INSERT INTO t_sample VALUES (10, 1, x'0102ff'), (11, 2, x'aa'), (12, 3, NULL);
    INSERT INTO t_team VALUES (100, 'u-b', 'Coach B squad');
    INSERT INTO t_team_member VALUES (100, 'u-a'), (100, 'u-c');
  `);
}

describe("athlete export", () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
    insertUser(t.db, { id: "u-a", name: "Aino Virtanen", polarUserId: 48213977 });
    insertUser(t.db, { id: "u-b", name: "Coach B", polarUserId: 5 });
    insertUser(t.db, { id: "u-c", name: "Other C", polarUserId: 6 });
    storePolarSignIn(t.db, { userId: "u-a", polarUserId: 48213977, accessToken: TOKEN, expiresInSeconds: 3600, now: EXPORTED_AT.getTime() }, TEST_KEY);
    createDataTables(t);
  });
  afterEach(() => t.close());

  it("contains the athlete's rows of every user-owned table and their children, nobody else's", () => {
    const data = buildAthleteExport(t.db, "u-a", EXPORTED_AT);
    expect(data.format).toBe("threshold-export");
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe("2026-11-25T03:00:00.000Z");
    expect(data.athlete).toMatchObject({ id: "u-a", name: "Aino Virtanen", polar_user_id: 48213977 });
    expect(data.data.t_exercise).toEqual([
      { id: 1, user_id: "u-a", sport: "RUNNING", note: 'tempo, "hard"' },
      { id: 3, user_id: "u-a", sport: "SWIMMING", note: null },
    ]);
    expect(data.data.t_sample).toEqual([
      { id: 10, exercise_id: 1, packed: Buffer.from([1, 2, 255]).toString("base64") },
      { id: 12, exercise_id: 3, packed: null },
    ]);
    // Membership of another coach's team is the athlete's; the team itself and its other members are not.
    expect(data.data.t_team_member).toEqual([{ team_id: 100, athlete_user_id: "u-a" }]);
    expect(data.data.t_team).toEqual([]);
    expect(data.data.polar_connection).toHaveLength(1);
    expect(data.data.polar_connection[0]).toMatchObject({ user_id: "u-a", polar_user_id: 48213977, state: "connected" });
  });

  it("never includes tokens, sessions or account links", () => {
    t.db.$client.exec(`INSERT INTO session VALUES ('sess-secret-1', 'u-a', ${EXPORTED_AT.getTime() + 1e9})`);
    const data = buildAthleteExport(t.db, "u-a", EXPORTED_AT);
    const text = JSON.stringify(data);
    expect(Object.keys(data.data)).not.toContain("session");
    expect(Object.keys(data.data)).not.toContain("account");
    expect(data.data.polar_connection[0]).not.toHaveProperty("access_token_encrypted");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("sess-secret-1");
    const encrypted = t.db.$client.prepare("SELECT access_token_encrypted AS v FROM polar_connection").get() as { v: string };
    expect(text).not.toContain(encrypted.v.split(".")[2]);
  });

  it("the CSV flavour is a ZIP with a manifest and one CSV per table", () => {
    const zip = Buffer.from(buildAthleteExportZip(t.db, "u-a", EXPORTED_AT));
    const files = readZip(zip);
    const names = Object.keys(files);
    expect(names[0]).toBe("manifest.json");
    expect(names).toEqual(expect.arrayContaining(["athlete.csv", "t_exercise.csv", "t_sample.csv", "t_team.csv", "polar_connection.csv"]));
    expect(JSON.parse(files["manifest.json"])).toMatchObject({ format: "threshold-export", version: 1, exportedAt: "2026-11-25T03:00:00.000Z" });
    expect(files["t_exercise.csv"]).toBe('id,user_id,sport,note\r\n1,u-a,RUNNING,"tempo, ""hard"""\r\n3,u-a,SWIMMING,\r\n');
    expect(files["t_team.csv"]).toBe("id,coach_user_id,name\r\n");
    expect(zip.includes(Buffer.from(TOKEN))).toBe(false);
  });

  it("toTableCsv quotes commas, quotes and line breaks", () => {
    expect(toTableCsv([{ a: "x\ny", b: 2, c: null }], ["a", "b", "c"])).toBe('a,b,c\r\n"x\ny",2,\r\n');
  });

  it("neutralises spreadsheet formulas in the CSV flavour and keeps the JSON flavour verbatim", () => {
    t.db.$client.exec(`
      INSERT INTO t_exercise VALUES (4, 'u-a', '=HYPERLINK("http://evil.example","x")', '+1+2'), (5, 'u-a', '@SUM(A1)', '-2+3'), (6, 'u-a', '\t=1', '\r=1');
      UPDATE user SET name = '=cmd|'' /C calc''!A0' WHERE id = 'u-a';
    `);
    const files = readZip(Buffer.from(buildAthleteExportZip(t.db, "u-a", EXPORTED_AT)));
    expect(files["t_exercise.csv"].split("\r\n").slice(3, 6)).toEqual([
      `4,u-a,"'=HYPERLINK(""http://evil.example"",""x"")",'+1+2`,
      "5,u-a,'@SUM(A1),'-2+3",
      `6,u-a,'\t=1,"'\r=1"`,
    ]);
    expect(files["athlete.csv"]).toContain(`,'=cmd|' /C calc'!A0,`);
    // Numbers are not text: a negative number stays a number.
    expect(toTableCsv([{ n: -5 }], ["n"])).toBe("n\r\n-5\r\n");
    const json = buildAthleteExport(t.db, "u-a", EXPORTED_AT);
    expect(json.data.t_exercise.map((row) => row.sport)).toContain('=HYPERLINK("http://evil.example","x")');
  });
});

/** Every file of an archive as text, in archive order (fflate checks each CRC as it inflates). */
function readZip(zip: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name, strFromU8(data)]));
}
