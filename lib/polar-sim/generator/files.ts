/**
 * Exercise files: a minimal but valid FIT activity (file_id, records, session, activity), TCX (plain XML,
 * U23 default) and GPX (only for sessions with a route). Rendered from the same series as the JSON.
 */
import type { SimFile } from "@/lib/polar-sim/contract";
import type { SessionPlan } from "@/lib/polar-sim/generator/model";
import type { SessionSeries, SessionSummary } from "@/lib/polar-sim/generator/exercise";
import { MISSING, getSportInfo } from "@/lib/polar-sim/generator/exercise";

/** Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
const FIT_EPOCH_OFFSET = 631_065_600;

const CRC_TABLE = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401, 0x5000, 0x9c01,
  0x8801, 0x4400,
];

function computeFitCrc(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    let tmp = CRC_TABLE[crc & 0xf];
    crc = ((crc >> 4) & 0x0fff) ^ tmp ^ CRC_TABLE[byte & 0xf];
    tmp = CRC_TABLE[crc & 0xf];
    crc = ((crc >> 4) & 0x0fff) ^ tmp ^ CRC_TABLE[(byte >> 4) & 0xf];
  }
  return crc;
}

type FitField = { num: number; size: 1 | 2 | 4; baseType: number };

const ENUM = 0x00;
const UINT8 = 0x02;
const UINT16 = 0x84;
const SINT32 = 0x85;
const UINT32 = 0x86;

class FitWriter {
  private readonly chunks: Buffer[] = [];

  define(local: number, globalNum: number, fields: FitField[]): void {
    const buf = Buffer.alloc(6 + fields.length * 3);
    buf.writeUInt8(0x40 | local, 0);
    buf.writeUInt8(0, 1);
    buf.writeUInt8(0, 2); // little endian
    buf.writeUInt16LE(globalNum, 3);
    buf.writeUInt8(fields.length, 5);
    fields.forEach((field, i) => {
      buf.writeUInt8(field.num, 6 + i * 3);
      buf.writeUInt8(field.size, 7 + i * 3);
      buf.writeUInt8(field.baseType, 8 + i * 3);
    });
    this.chunks.push(buf);
  }

  data(local: number, fields: FitField[], values: number[]): void {
    const size = fields.reduce((total, field) => total + field.size, 1);
    const buf = Buffer.alloc(size);
    buf.writeUInt8(local, 0);
    let at = 1;
    fields.forEach((field, i) => {
      const value = values[i];
      if (field.size === 1) buf.writeUInt8(value & 0xff, at);
      else if (field.size === 2) buf.writeUInt16LE(value & 0xffff, at);
      else if (field.baseType === SINT32) buf.writeInt32LE(value | 0, at);
      else buf.writeUInt32LE(value >>> 0, at);
      at += field.size;
    });
    this.chunks.push(buf);
  }

  finish(): Buffer {
    const body = Buffer.concat(this.chunks);
    const header = Buffer.alloc(14);
    header.writeUInt8(14, 0);
    header.writeUInt8(0x20, 1);
    header.writeUInt16LE(2132, 2);
    header.writeUInt32LE(body.length, 4);
    header.write(".FIT", 8, "ascii");
    header.writeUInt16LE(computeFitCrc(header, 0, 12), 12);
    const all = Buffer.concat([header, body, Buffer.alloc(2)]);
    all.writeUInt16LE(computeFitCrc(all, 0, all.length - 2), all.length - 2);
    return all;
  }
}

const FIT_SPORT: Record<string, number> = { RUNNING: 1, CYCLING: 2, SWIMMING: 5, STRENGTH_TRAINING: 10, WALKING: 11 };

function toSemicircles(degrees: number): number {
  return Math.round((degrees * 2 ** 31) / 180);
}

export function renderFit(session: SessionPlan, series: SessionSeries, summary: SessionSummary): SimFile {
  const writer = new FitWriter();
  const start = Math.floor(session.startUtc / 1000) - FIT_EPOCH_OFFSET;
  const fileId: FitField[] = [
    { num: 0, size: 1, baseType: ENUM },
    { num: 1, size: 2, baseType: UINT16 },
    { num: 2, size: 2, baseType: UINT16 },
    { num: 4, size: 4, baseType: UINT32 },
  ];
  writer.define(0, 0, fileId);
  writer.data(0, fileId, [4, 123, 0, start]);
  const record: FitField[] = [
    { num: 253, size: 4, baseType: UINT32 },
    { num: 3, size: 1, baseType: UINT8 },
    { num: 5, size: 4, baseType: UINT32 },
    { num: 6, size: 2, baseType: UINT16 },
    { num: 7, size: 2, baseType: UINT16 },
    { num: 4, size: 1, baseType: UINT8 },
    { num: 0, size: 4, baseType: SINT32 },
    { num: 1, size: 4, baseType: SINT32 },
  ];
  writer.define(1, 20, record);
  for (let t = 0; t < series.hr.length; t++) {
    const hr = series.hr[t];
    writer.data(1, record, [
      start + t,
      hr > 0 ? hr : 0xff,
      series.distance ? Math.round(series.distance[t] * 100) : 0xffffffff,
      series.speed ? Math.round((series.speed[t] / 3.6) * 1000) : 0xffff,
      series.power ? series.power[t] : 0xffff,
      series.cadence ? series.cadence[t] : 0xff,
      series.latitude ? toSemicircles(series.latitude[t]) : 0x7fffffff,
      series.longitude ? toSemicircles(series.longitude[t]) : 0x7fffffff,
    ]);
  }
  const end = start + session.durationSec;
  const sessionFields: FitField[] = [
    { num: 253, size: 4, baseType: UINT32 },
    { num: 2, size: 4, baseType: UINT32 },
    { num: 7, size: 4, baseType: UINT32 },
    { num: 8, size: 4, baseType: UINT32 },
    { num: 5, size: 1, baseType: ENUM },
    { num: 16, size: 1, baseType: UINT8 },
    { num: 17, size: 1, baseType: UINT8 },
    { num: 9, size: 4, baseType: UINT32 },
    { num: 11, size: 2, baseType: UINT16 },
  ];
  writer.define(2, 18, sessionFields);
  writer.data(2, sessionFields, [
    end,
    start,
    session.durationSec * 1000,
    session.durationSec * 1000,
    FIT_SPORT[getSportInfo(session.kind).sport] ?? 0,
    summary.averageHr,
    summary.maximumHr,
    summary.distance === null ? 0xffffffff : Math.round(summary.distance * 100),
    summary.calories,
  ]);
  const activity: FitField[] = [
    { num: 253, size: 4, baseType: UINT32 },
    { num: 0, size: 4, baseType: UINT32 },
    { num: 1, size: 2, baseType: UINT16 },
    { num: 2, size: 1, baseType: ENUM },
    { num: 3, size: 1, baseType: ENUM },
    { num: 4, size: 1, baseType: ENUM },
  ];
  writer.define(3, 34, activity);
  writer.data(3, activity, [end, session.durationSec * 1000, 1, 0, 26, 1]);
  // Polar serves FIT as `*/*`; octet-stream is the closest concrete type.
  return { contentType: "application/octet-stream", body: writer.finish() };
}

const formatIso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");

export function renderTcx(session: SessionPlan, series: SessionSeries, summary: SessionSummary): SimFile {
  const started = formatIso(session.startUtc);
  const points: string[] = [];
  for (let t = 0; t < series.hr.length; t++) {
    const hr = series.hr[t];
    const parts = [`<Time>${formatIso(session.startUtc + t * 1000)}</Time>`];
    if (series.latitude && series.longitude) {
      parts.push(
        `<Position><LatitudeDegrees>${series.latitude[t].toFixed(6)}</LatitudeDegrees><LongitudeDegrees>${series.longitude[t].toFixed(6)}</LongitudeDegrees></Position>`,
      );
    }
    if (series.altitude) parts.push(`<AltitudeMeters>${series.altitude[t].toFixed(1)}</AltitudeMeters>`);
    if (series.distance) parts.push(`<DistanceMeters>${series.distance[t].toFixed(1)}</DistanceMeters>`);
    if (hr > 0 && hr !== MISSING) parts.push(`<HeartRateBpm><Value>${hr}</Value></HeartRateBpm>`);
    if (series.cadence) parts.push(`<Cadence>${series.cadence[t]}</Cadence>`);
    points.push(`<Trackpoint>${parts.join("")}</Trackpoint>`);
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">` +
    `<Activities><Activity Sport="${getSportInfo(session.kind).tcxSport}"><Id>${started}</Id>` +
    `<Lap StartTime="${started}"><TotalTimeSeconds>${session.durationSec}</TotalTimeSeconds>` +
    `<DistanceMeters>${(summary.distance ?? 0).toFixed(1)}</DistanceMeters><Calories>${summary.calories}</Calories>` +
    `<AverageHeartRateBpm><Value>${summary.averageHr}</Value></AverageHeartRateBpm>` +
    `<MaximumHeartRateBpm><Value>${summary.maximumHr}</Value></MaximumHeartRateBpm>` +
    `<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>` +
    `<Track>${points.join("")}</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n`;
  return { contentType: "application/vnd.garmin.tcx+xml", body: Buffer.from(xml, "utf8") };
}

export function renderGpx(session: SessionPlan, series: SessionSeries): SimFile | null {
  if (!series.latitude || !series.longitude) return null;
  const points: string[] = [];
  for (let t = 0; t < series.latitude.length; t++) {
    const ele = series.altitude ? `<ele>${series.altitude[t].toFixed(1)}</ele>` : "";
    const hr = series.hr[t];
    const ext = hr > 0 ? `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>` : "";
    points.push(
      `<trkpt lat="${series.latitude[t].toFixed(6)}" lon="${series.longitude[t].toFixed(6)}">${ele}<time>${formatIso(session.startUtc + t * 1000)}</time>${ext}</trkpt>`,
    );
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<gpx version="1.1" creator="Polar Flow" xmlns="http://www.topografix.com/GPX/1/1" ` +
    `xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">` +
    `<metadata><time>${formatIso(session.startUtc)}</time></metadata>` +
    `<trk><name>${getSportInfo(session.kind).detailed}</name><trkseg>${points.join("")}</trkseg></trk></gpx>\n`;
  return { contentType: "application/gpx+xml", body: Buffer.from(xml, "utf8") };
}
