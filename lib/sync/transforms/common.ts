/**
 * Polar payloads (already validated by lib/polar, Polar's own field names) → our row values, one file per
 * resource. Pure: no I/O, no clock; provenance (athlete, endpoint, fetchedAt, transaction id) is added by the
 * writer.
 *
 * The input types are the structural subset of lib/polar's parsed types that we read, so a field Polar omits
 * (optional) and one it sends as null are both accepted, and the history importer can map Polar's export files
 * onto the same inputs. The row types are the tables' own (Drizzle's `$inferSelect`) without the provenance
 * columns. Each time field is parsed by its own rule (polar-accesslink.md §1.4) through lib/polar's time helpers;
 * no offset is ever applied twice.
 */

export type Maybe<T> = T | null | undefined;

/** A present value, or null for one Polar left out. */
export const nn = <T>(value: Maybe<T>): T | null => (value === undefined ? null : value);

export const MINUTE_MS = 60_000;

/** Columns the writer adds to every row (provenance and keys), not the transforms. */
type WriterColumns =
  | "id"
  | "athleteId"
  | "endpoint"
  | "fetchedAt"
  | "rawJson"
  | "contentHash"
  | "transactionId"
  // Where the row came from (api, or an imported archive and entry): the writer's to set (lib/import).
  | "source"
  | "archiveName"
  | "entryName";

/** A table's row as a transform returns it: the selected shape without the columns the writer adds. */
export type TransformRow<TTable extends { $inferSelect: object }, TExtra extends string = never> = Omit<
  TTable["$inferSelect"],
  WriterColumns | TExtra
>;
