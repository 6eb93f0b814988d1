import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client.js';
import { Field, type ControlProps } from '../../../components/Field.js';
import { useCreateDemo, useImportAttendance } from '../../../hooks/queries/use-demos.js';
import { useTeams } from '../../../hooks/queries/use-teams.js';
import { CapabilityInput } from '../../voice/CatalogInputs.js';
import { AttendanceRows, type Row } from './AttendanceRows.js';

const today = () => new Date().toISOString().slice(0, 10);
const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** Record a demo: capability, date, presenter, links, attendance typed in or from a meeting tool's export. */
export function NewDemo({ onDone }: { onDone: () => void }) {
  const create = useCreateDemo();
  const upload = useImportAttendance();
  const navigate = useNavigate();
  const teams = useTeams({});
  const [form, setForm] = useState({
    capability: '',
    date: today(),
    title: '',
    presenter: '',
    recording: '',
    slides: '',
  });
  const [rows, setRows] = useState<Row[]>([{ team: '', person: '' }]);
  const [file, setFile] = useState<File | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const input =
    (key: keyof typeof form, type = 'text') =>
    (props: ControlProps) => (
      <input {...props} type={type} value={form[key]} onChange={(e) => set(key)(e.target.value)} />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const attendance = rows
      .filter((r) => r.team.trim())
      .map((r) => ({ team: r.team.trim(), ...(r.person.trim() ? { person: r.person.trim() } : {}) }));
    create.mutate(
      {
        capability: form.capability.trim(),
        date: form.date,
        title: optional(form.title),
        presenter: optional(form.presenter),
        recording: optional(form.recording),
        slides: optional(form.slides),
        attendance,
      },
      {
        onSuccess: (demo) => {
          if (!file) return navigate(`/shipping/demos/${demo.id}`);
          setSavedId(demo.id);
          upload.mutate({ id: demo.id, file }, { onSuccess: () => navigate(`/shipping/demos/${demo.id}`) });
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="New demo">
      <div className="form-grid">
        <Field id="demo-capability" label="Capability" required error={problems.capability}>
          {(props) => <CapabilityInput props={props} value={form.capability} onChange={set('capability')} />}
        </Field>
        <Field id="demo-date" label="Date" required error={problems.date}>
          {input('date', 'date')}
        </Field>
        <Field id="demo-title" label="Title" error={problems.title}>
          {input('title')}
        </Field>
        <Field id="demo-presenter" label="Presenter" error={problems.presenter}>
          {input('presenter')}
        </Field>
        <Field id="demo-recording" label="Recording link" help="An http(s) address." error={problems.recording}>
          {input('recording', 'url')}
        </Field>
        <Field id="demo-slides" label="Slides link" help="An http(s) address." error={problems.slides}>
          {input('slides', 'url')}
        </Field>
      </div>
      <AttendanceRows rows={rows} onChange={setRows} problems={problems} teams={teams.items.map((t) => t.name)} />
      <Field
        id="demo-file"
        label="Attendance export (optional)"
        help="A Zoom, Microsoft Teams or Google Meet attendance CSV: people are matched to their teams by email."
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,.tsv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      {upload.error && savedId !== null ? (
        <p className="alert alert-danger" role="alert">
          The demo was saved, but the file was not imported: {upload.error.message}{' '}
          <a href={`/shipping/demos/${savedId}`}>Open the demo</a>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending || upload.isPending}>
          {create.isPending || upload.isPending ? 'Saving…' : 'Save the demo'}
        </button>
      </div>
    </form>
  );
}
