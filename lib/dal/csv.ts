import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer (csv-stringify) for every download: the data export and the roster.
 *
 * RFC 4180 with CRLF record ends; a cell is quoted when it holds a comma, a quote or any line break (a bare LF
 * or CR inside a cell too, which csv-stringify alone leaves unquoted when records end in CRLF). `null` is an
 * empty cell.
 *
 * Formula injection: a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR (or their full-width forms)
 * would run as a formula when the file is opened in a spreadsheet, so it is written with a leading `'`.
 * Numbers are never prefixed: `-5` stays a number.
 */

export type CsvCell = string | number | null;

/** A header row and the records under it, as CSV text (header included even with no records). */
export function toCsv(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...records] as CsvCell[][], {
    record_delimiter: "\r\n",
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}
