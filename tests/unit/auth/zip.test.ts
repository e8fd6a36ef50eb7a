import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, createZip } from "@/lib/dal/zip";

type ReadEntry = { name: string; data: Buffer; crc: number; method: number; dosTime: number; dosDate: number };

/** Reads an archive through its central directory (as unzip does) and checks each local header against it. */
function readZip(bytes: Uint8Array): ReadEntry[] {
  const buf = Buffer.from(bytes);
  const eocd = buf.length - 22;
  expect(buf.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  let at = buf.readUInt32LE(eocd + 16);
  expect(at + cdSize).toBe(eocd);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const dosTime = buf.readUInt16LE(at + 12);
    const dosDate = buf.readUInt16LE(at + 14);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    expect(buf.readUInt32LE(localOffset)).toBe(0x04034b50);
    expect(buf.readUInt32LE(localOffset + 14)).toBe(crc);
    const localNameLength = buf.readUInt16LE(localOffset + 26);
    const dataStart = localOffset + 30 + localNameLength + buf.readUInt16LE(localOffset + 28);
    entries.push({ name, data: buf.subarray(dataStart, dataStart + size), crc, method, dosTime, dosDate });
    at += 46 + nameLength;
  }
  return entries;
}

describe("crc32", () => {
  it.each([
    ["", 0x00000000],
    ["a", 0xe8b7be43],
    ["123456789", 0xcbf43926],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("crc32(%j) = %i", (text, expected) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });

  it("agrees with zlib.crc32 on binary data", () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(crc32(data)).toBe(zlib.crc32(data));
  });
});

describe("createZip", () => {
  it("stores every file uncompressed with its name, bytes, CRC and UTC timestamp", () => {
    const encoder = new TextEncoder();
    const files = [
      { name: "manifest.json", data: encoder.encode('{"version":1}\n') },
      { name: "sleep_night.csv", data: encoder.encode("a,b\r\n1,\"x,y\"\r\n") },
      { name: "empty.csv", data: new Uint8Array(0) },
      { name: "übung.csv", data: encoder.encode("ä\r\n") },
    ];
    const entries = readZip(createZip(files, new Date("2026-11-25T03:12:46Z")));
    expect(entries.map((entry) => entry.name)).toEqual(["manifest.json", "sleep_night.csv", "empty.csv", "übung.csv"]);
    entries.forEach((entry, i) => {
      expect(entry.method).toBe(0);
      expect(Buffer.compare(entry.data, Buffer.from(files[i].data))).toBe(0);
      expect(entry.crc).toBe(zlib.crc32(files[i].data));
      // 03:12:46 → (3 << 11) | (12 << 5) | 23 ; 2026-11-25 → (46 << 9) | (11 << 5) | 25
      expect(entry.dosTime).toBe((3 << 11) | (12 << 5) | 23);
      expect(entry.dosDate).toBe((46 << 9) | (11 << 5) | 25);
    });
  });

  it("writes a valid empty archive", () => {
    const bytes = createZip([], new Date("2026-01-01T00:00:00Z"));
    expect(bytes.length).toBe(22);
    expect(readZip(bytes)).toEqual([]);
  });
});
