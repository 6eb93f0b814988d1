import type { ErrorDetail } from '../../../http/errors.js';
import { csvRecords } from '../../delivery/facts/read-facts-file.js';

// A meeting tool's attendance export. What the tools write (their typical headers):
// - Zoom (participants report): `Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest`,
//   sometimes after a meeting summary block (`Meeting ID,Topic,…`) and a blank line; a person who rejoined has a row
//   per join.
// - Microsoft Teams (attendance report): UTF-16, tab-separated, in sections: `1. Summary` (meeting facts), a blank
//   line, `2. Participants` with `Name  First Join  Last Leave  In-Meeting Duration  Email  Participant ID (UPN)  Role`,
//   a blank line, `3. In-Meeting Activities`.
// - Google Meet (attendance tracking): `First name,Last name,Email,Duration,Time joined,Time exited`.
// The header row is the first row with a column named like an email column; rows above it (a summary) are skipped,
// and the participants end at the first blank row after it (the next section of a Teams file).

/** Header names, lowercased with everything but letters dropped, that hold an email address (in this order). */
const EMAIL_HEADERS = [
  'email',
  'emailaddress',
  'useremail',
  'attendeeemail',
  'participantemail',
  'guestemail',
  'registrantemail',
];
const NAME_HEADERS = ['name', 'nameoriginalname', 'fullname', 'attendeename', 'participant', 'participantname'];
const FIRST_NAME = 'firstname';
const LAST_NAME = 'lastname';

const key = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

export interface AttendanceLine {
  line: number;
  /** Lowercased; '' when the row has none. */
  email: string;
  name: string;
}

export interface LineProblem extends ErrorDetail {
  line: number;
}

/** The text of an upload: UTF-16 when it starts with a UTF-16 byte order mark (Teams), else UTF-8. */
export function decodeUpload(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

type Row = { line: number; cells: string[] } | { line: number; error: string };

async function* tabRows(text: string): AsyncGenerator<Row> {
  let line = 0;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    line++;
    yield {
      line,
      cells: raw.split('\t').map((c) =>
        c
          .trim()
          .replace(/^"(.*)"$/s, '$1')
          .replaceAll('""', '"'),
      ),
    };
  }
}

async function* commaRows(text: string): AsyncGenerator<Row> {
  async function* lines() {
    yield* text.split(/\r\n|\n|\r/);
  }
  yield* csvRecords(lines());
}

const emailColumn = (cells: string[]) => {
  const keys = cells.map(key);
  for (const wanted of EMAIL_HEADERS) {
    const i = keys.indexOf(wanted);
    if (i >= 0) return i;
  }
  return -1;
};

/** Tab-separated when some line before any comma-separated header names an email column with tabs. */
function delimiterOf(text: string): 'tab' | 'comma' {
  for (const line of text.split(/\r\n|\n|\r/, 100)) {
    if (line.includes('\t') && emailColumn(line.split('\t')) >= 0) return 'tab';
    if (emailColumn(line.split(',')) >= 0) return 'comma';
  }
  return 'comma';
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

const nameColumn = (keys: string[]) => NAME_HEADERS.map((h) => keys.indexOf(h)).find((i) => i >= 0) ?? -1;
const hasName = (cells: string[]) => {
  const keys = cells.map(key);
  return nameColumn(keys) >= 0 || keys.includes(FIRST_NAME);
};

/**
 * The header: the first row with an email column and a name column (Zoom's meeting summary above its participants
 * names the host's "User Email" but no name), else the first row with an email column.
 */
function headerIndex(rows: Row[]): number {
  const cells = (r: Row) => ('cells' in r ? r.cells : []);
  const withEmail = rows.flatMap((r, i) => (emailColumn(cells(r)) >= 0 ? [i] : []));
  return withEmail.find((i) => hasName(cells(rows[i] as Row))) ?? withEmail[0] ?? -1;
}

/** The attendees of an attendance export: each row's email and name, numbered by the file's line (first is 1). */
export async function readAttendanceCsv(
  input: string,
): Promise<{ attendees: AttendanceLine[]; problems: LineProblem[] }> {
  const text = input.replace(/^\uFEFF/, '');
  const rows: Row[] = [];
  for await (const row of delimiterOf(text) === 'tab' ? tabRows(text) : commaRows(text)) rows.push(row);
  const attendees: AttendanceLine[] = [];
  const problems: LineProblem[] = [];
  const at = headerIndex(rows);
  const header = rows[at];
  if (!header || !('cells' in header)) {
    const broken = rows.find((r) => 'error' in r);
    const reason =
      'no column holds email addresses: the header needs one named like Email, E-mail, User Email or Attendee Email';
    problems.push(
      broken && 'error' in broken
        ? { line: broken.line, field: 'csv', reason: broken.error }
        : { line: 1, field: 'csv', reason },
    );
    return { attendees, problems };
  }
  const keys = header.cells.map(key);
  const columns = {
    email: emailColumn(header.cells),
    name: nameColumn(keys),
    first: keys.indexOf(FIRST_NAME),
    last: keys.indexOf(LAST_NAME),
  };
  for (const row of rows.slice(at + 1)) {
    if ('error' in row) {
      problems.push({ line: row.line, field: '(line)', reason: row.error });
      continue;
    }
    if (blank(row.cells)) {
      if (attendees.length > 0) break; // the end of the participants section
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const name = cell(columns.name) || [cell(columns.first), cell(columns.last)].filter(Boolean).join(' ');
    attendees.push({ line: row.line, email: cell(columns.email).toLowerCase(), name });
  }
  if (attendees.length === 0 && problems.length === 0)
    problems.push({ line: header.line, field: 'csv', reason: 'has no attendee rows below its header' });
  return { attendees, problems };
}
