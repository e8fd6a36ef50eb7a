/**
 * JSON of the archive. Polar writes a bare `NaN` token into sample values (polar-export.md §6 quirk 1), which
 * `JSON.parse` rejects; outside strings it is turned into `null` before parsing. Text inside strings (notes,
 * names) is never touched, and files without `NaN` take the plain fast path.
 */

function isDelimiter(code: number | undefined): boolean {
  // end of text, whitespace, `,`, `]`, `}`
  return code === undefined || code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x2c || code === 0x5d || code === 0x7d;
}

/** `NaN` / `-NaN` tokens outside strings → `null`. */
export function replaceBareNaN(text: string): string {
  const parts: string[] = [];
  let inString = false;
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) {
      inString = true;
      continue;
    }
    if (code === 0x4e && text.startsWith("NaN", i) && isDelimiter(text.charCodeAt(i + 3))) {
      const start = text.charCodeAt(i - 1) === 0x2d ? i - 1 : i;
      parts.push(text.slice(copiedUpTo, start), "null");
      copiedUpTo = i + 3;
      i += 2;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

/** Parses an entry's text; throws a SyntaxError that names what is wrong (never the content). */
export function parseExportJson(text: string): unknown {
  const clean = text.includes("NaN") ? replaceBareNaN(text) : text;
  return JSON.parse(clean);
}
