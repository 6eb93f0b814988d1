/**
 * One CSV cell, always quoted. A value a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at
 * the start) gets a leading apostrophe, so a name typed into the catalog cannot run in someone's mail merge.
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** A header row and the rows, CRLF-separated (RFC 4180). */
export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
