import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { useImportFeedback } from '../../hooks/queries/use-import-feedback.js';
import { plural } from '../../lib/format.js';

type LineProblem = { line: number; field: string; reason: string };

const lineProblems = (error: unknown): LineProblem[] =>
  error instanceof ApiError && Array.isArray(error.details)
    ? (error.details as unknown[]).filter((d): d is LineProblem => !!d && typeof d === 'object' && 'line' in d)
    : [];

/** Feedback (CSV): pains, requests, bugs and support requests from a spreadsheet or a tracker's export. */
export function FeedbackImportForm() {
  const upload = useImportFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem('choose a .csv file');
    setProblem(undefined);
    upload.mutate(file);
  };
  const problems = lineProblems(upload.error);
  const done = upload.data;

  return (
    <form className="card form import-form" aria-label="Import feedback" onSubmit={submit} noValidate>
      <h2>Feedback (CSV)</h2>
      <p className="muted small">
        A header row naming the columns: <code>kind</code> (pain, request, bug or support), then the API&apos;s fields,
        e.g. <code>team, capability, title, body, category, severity, hoursLostPerWeek, reportedAt, fixedAt</code>. An
        empty cell leaves its field out. A file with any bad line imports nothing.
      </p>
      <Field id="feedback-file" label="CSV file" error={problem}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        )}
      </Field>
      {done ? (
        <p className="alert alert-success" role="status" data-testid="feedback-imported">
          Imported {plural(done.created, 'item')}: {plural(done.byKind.pain, 'pain')},{' '}
          {plural(done.byKind.request, 'request')}, {plural(done.byKind.bug, 'bug')},{' '}
          {plural(done.byKind.support, 'support request')}.
        </p>
      ) : null}
      {upload.error ? (
        <div className="alert alert-danger" role="alert">
          <p>{upload.error.message}</p>
          {problems.length > 0 ? (
            <ul>
              {problems.map((p) => (
                <li key={`${p.line}-${p.field}`}>
                  line {p.line}: {p.field}: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import feedback'}
        </button>
      </div>
    </form>
  );
}
