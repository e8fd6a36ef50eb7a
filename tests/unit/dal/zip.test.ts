import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { createZip } from "@/lib/dal/zip";

const encoder = new TextEncoder();
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

/** Central-directory entries: name, compression method and MS-DOS date/time, read as unzip does. */
function readDirectory(bytes: Uint8Array): { name: string; method: number; dosTime: number; dosDate: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe("createZip", () => {
  const files = [
    { name: "manifest.json", data: encoder.encode('{"version":1}\n') },
    { name: "sleep_night.csv", data: encoder.encode(`a,b\r\n${"1,\"x,y\"\r\n".repeat(500)}`) },
    { name: "empty.csv", data: new Uint8Array(0) },
    { name: "übung.csv", data: encoder.encode("ä\r\n") },
    { name: "packed.bin", data: new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256) },
  ];

  it("round-trips every file, byte for byte, in order, UTF-8 names included", () => {
    const zip = createZip(files, new Date("2026-11-25T03:12:46Z"));
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.name));
    for (const file of files) expect(Buffer.compare(Buffer.from(unzipped[file.name]), Buffer.from(file.data))).toBe(0);
    expect(readDirectory(zip).map((entry) => entry.name)).toEqual(files.map((file) => file.name));
  });

  it("compresses repetitive CSV (DEFLATE, method 8)", () => {
    const zip = createZip(files.slice(1, 2), new Date("2026-11-25T03:12:46Z"));
    expect(readDirectory(zip)[0].method).toBe(8);
    expect(zip.length).toBeLessThan(files[1].data.length / 5);
  });

  it.each(["UTC", "Pacific/Auckland", "America/Los_Angeles"])("stamps entries with the UTC wall time when the server runs in %s", (zone) => {
    process.env.TZ = zone;
    const [entry] = readDirectory(createZip(files.slice(0, 1), new Date("2026-11-25T03:12:46Z")));
    // 03:12:46 → (3 << 11) | (12 << 5) | 23 ; 2026-11-25 → (46 << 9) | (11 << 5) | 25
    expect(entry.dosTime).toBe((3 << 11) | (12 << 5) | 23);
    expect(entry.dosDate).toBe((46 << 9) | (11 << 5) | 25);
  });

  it("writes a valid empty archive", () => {
    const zip = createZip([], new Date("2026-01-01T00:00:00Z"));
    expect(zip.length).toBe(22);
    expect(unzipSync(zip)).toEqual({});
  });

  it("refuses two entries with one name instead of silently keeping one", () => {
    expect(() => createZip([files[0], files[0]], new Date("2026-01-01T00:00:00Z"))).toThrow(/Duplicate ZIP entry: manifest.json/);
  });
});
