import type { Db } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { recordAudit } from '../../audit/service.js';
import { findUserByEmail, teamsOf } from '../../auth/people/repo.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';
import type { AttendanceImportResult } from './contract.js';
import { readAttendanceCsv, type LineProblem } from './read-attendance-csv.js';
import { addAttendance } from './repo.js';
import { lockOwnedDemo } from './write-demo.js';

// Decided: an email no catalog user has (a guest, a typo, someone not yet in the catalog) does not refuse the file.
// It is listed with its line as unmatched and the matched rest is kept, because a meeting export nearly always
// holds a few such rows and their teams could not be known anyway. The file is refused, changing nothing, when it
// cannot be read (no email column, a broken line) or when no row matches a catalog user with a team.

const SHOWN = 100;

type Matched = { teamRefs: string[]; userRef: string } | { reason: string };

async function matchEmail(tx: Db, email: string): Promise<Matched> {
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return { reason: 'is not an email address' };
  const user = await findUserByEmail(tx, email);
  if (!user) return { reason: 'no user in the catalog has this email' };
  const { teams } = await teamsOf(tx, user.ref);
  if (teams.length === 0) return { reason: `${user.ref} is in no team` };
  return { teamRefs: teams, userRef: user.ref };
}

function refused(problems: LineProblem[], message: string): AppError {
  return new AppError('VALIDATION_FAILED', `nothing was imported: ${message}`, problems.slice(0, SHOWN));
}

/**
 * Adds a demo's attendance from a meeting tool's export: each email matched to a catalog User, who attended for
 * each of their teams (spec.memberOf and groups naming them). Returns what was added and what was not matched.
 */
export async function importAttendance(
  tx: Db,
  who: Principal,
  demoId: number,
  csv: string,
  source: string,
): Promise<Omit<AttendanceImportResult, 'demo'>> {
  const demo = await lockOwnedDemo(tx, who, demoId);
  const { attendees, problems } = await readAttendanceCsv(csv);
  if (problems.length > 0) throw refused(problems, `the file could not be read (${problems[0]?.reason ?? ''})`);

  const byEmail = new Map<string, Promise<Matched>>();
  const unmatched: AttendanceImportResult['unmatched'] = [];
  const withoutEmail: AttendanceImportResult['withoutEmail'] = [];
  const people = new Map<string, string[]>(); // user ref → team refs
  for (const row of attendees) {
    if (row.email === '') {
      withoutEmail.push({ line: row.line, name: row.name });
      continue;
    }
    let found = byEmail.get(row.email);
    if (!found) byEmail.set(row.email, (found = matchEmail(tx, row.email)));
    const match = await found;
    if ('reason' in match) unmatched.push({ line: row.line, email: row.email, reason: match.reason });
    else people.set(match.userRef, match.teamRefs);
  }
  if (people.size === 0)
    throw refused(
      unmatched.map((u) => ({ line: u.line, field: 'email', reason: `${u.email}: ${u.reason}` })),
      'no email in the file belongs to a catalog user with a team',
    );

  const teamRefs = [...new Set([...people.values()].flat())];
  const ids = new Map((await findEntitiesByRefs(tx, teamRefs)).map((e) => [e.ref, e.id]));
  const rows = [...people].flatMap(([person, teams]) =>
    teams.flatMap((ref) => {
      const teamId = ids.get(ref);
      return teamId === undefined ? [] : [{ teamId, person }];
    }),
  );
  const added = await addAttendance(tx, demoId, rows);
  const teams = teamRefs.map((ref) => ref.slice(ref.indexOf('/') + 1)).sort();
  await recordAudit(tx, who, {
    action: 'import',
    entity: { kind: 'demo', id: demoId, ref: demo.capability_ref },
    summary: `Attendance of the demo of ${demo.capability_name} on ${demo.held_on} from ${source}: ${people.size} people, ${added} added, ${unmatched.length} unmatched`,
    changes: { attendance: { before: null, after: rows.map((r) => r.person) } },
  });
  return { matched: attendees.length - unmatched.length - withoutEmail.length, added, teams, unmatched, withoutEmail };
}
