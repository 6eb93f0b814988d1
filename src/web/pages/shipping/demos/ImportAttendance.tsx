import { useState, type FormEvent } from 'react';
import type { AttendanceImportResult } from '../../../api/demo-types.js';
import { ApiError } from '../../../api/client.js';
import { useImportAttendance } from '../../../hooks/queries/use-demos.js';
import { plural } from '../../../lib/format.js';

/** Lines of a refused file, from the error's details ({ line, field, reason }). */
function lineProblems(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { line?: number; reason?: string }[]).map((d) => `line ${d.line ?? '?'}: ${d.reason ?? ''}`);
}

function ImportOutcome({ result }: { result: AttendanceImportResult }) {
  return (
    <div className="alert alert-success" role="status" data-testid="import-outcome">
      <p>
        {plural(result.matched, 'row')} matched to people in {result.teams.join(', ')};{' '}
        {plural(result.added, 'attendance')} added.
      </p>
      {result.unmatched.length > 0 ? (
        <>
          <p>Not imported (no team could be found for them):</p>
          <ul className="plain-list small">
            {result.unmatched.map((u) => (
              <li key={u.line}>
                line {u.line}: {u.email}: {u.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.withoutEmail.length > 0 ? (
        <p className="small">
          Without an email (not imported):{' '}
          {result.withoutEmail.map((w) => `${w.name || '?'} (line ${w.line})`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}

/** Upload a meeting tool's attendance export to a demo (its platform team and organisation admins). */
export function ImportAttendance({ demoId }: { demoId: number }) {
  const upload = useImportAttendance();
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ id: demoId, file });
  };
  const problems = lineProblems(upload.error);
  return (
    <form className="card form stack" onSubmit={submit} aria-label="Import attendance">
      <h2 className="card-title">Import attendance</h2>
      <p className="small muted">
        An attendance export from Zoom, Microsoft Teams or Google Meet (CSV). Each email is matched to a person in the
        catalog, who counts for their team. Emails nobody in the catalog has are listed and left out; a file that cannot
        be read changes nothing.
      </p>
      <div className="row">
        <input
          type="file"
          aria-label="Attendance file"
          accept=".csv,.tsv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
      {upload.error ? (
        <div className="alert alert-danger" role="alert">
          <p>{upload.error.message}</p>
          {problems.length > 0 ? (
            <ul className="plain-list small">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {upload.data ? <ImportOutcome result={upload.data} /> : null}
    </form>
  );
}
