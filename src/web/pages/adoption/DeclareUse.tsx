import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { Declaration, DeclarationCreate } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { Segmented } from '../../components/Segmented.js';
import { useCreateDeclaration } from '../../hooks/queries/use-create-declaration.js';
import { useMe } from '../../hooks/queries/use-me.js';
import { DATE_INPUT_PROPS, formatDate, isIsoDay } from '../../lib/format.js';
import { DATE_PROBLEM, problemFor } from '../capabilities/form-model.js';
import type { TeamOption } from './MandateForm.js';

const today = () => new Date().toISOString().slice(0, 10);

/** "We use it" (or "we stopped") from a person: the signal for what no scan or event can see. */
export function DeclareUse({ capability, title, teams }: { capability: string; title: string; teams: TeamOption[] }) {
  const role = useMe().data?.role;
  const declare = useCreateDeclaration(capability);
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState<DeclarationCreate['status']>('using');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState<Declaration | null>(null);

  if (role !== 'admin' && role !== 'member') return null;

  const client: Record<string, string> = {};
  if (!team) client.team = 'Choose the team.';
  if (!date) client.date = 'Required: when the team started or stopped.';
  else if (!isIsoDay(date)) client.date = DATE_PROBLEM;
  else if (date > today()) client.date = 'Not after today: declare what has happened.';
  const server = declare.error instanceof ApiError ? declare.error.fieldProblems() : {};
  const problems = { ...server, ...(submitted ? client : {}) };
  const refused = declare.error && !(declare.error instanceof ApiError && declare.error.code === 'VALIDATION_FAILED');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setDone(null);
    if (Object.keys(client).length) return;
    declare.mutate(
      { team, status, date, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (d) => {
          setDone(d);
          setNote('');
          setSubmitted(false);
        },
      },
    );
  };
  const teamLabel = (name: string) => teams.find((t) => t.ref.endsWith(`/${name}`))?.label ?? name;

  return (
    <Card title="Declare use" className="declare-use">
      <p className="muted small">
        For use no scan or event can see.{' '}
        {role === 'member'
          ? 'As a member you can declare for your own team only.'
          : 'As an admin you can declare for any team.'}
      </p>
      <form onSubmit={submit} noValidate aria-label="Declare use" className="declare-form">
        {refused ? (
          <p className="alert alert-danger" role="alert">
            {declare.error instanceof Error ? declare.error.message : 'Saving failed.'}
          </p>
        ) : null}
        {done ? (
          <p className="alert alert-success" role="status">
            Recorded: {teamLabel(done.team)} {done.status === 'using' ? 'uses' : 'stopped using'} {title} since{' '}
            {formatDate(done.date)}.
          </p>
        ) : null}
        <div className="form-grid">
          <Field id="declare-team" label="Team" required error={problemFor(problems, 'team')}>
            {(p) => (
              <select {...p} value={team} onChange={(e) => setTeam(e.target.value)}>
                <option value="">Choose a team…</option>
                {teams.map((t) => (
                  <option key={t.ref} value={t.ref}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <span className="field-label" id="declare-status-label">
              Status
            </span>
            <Segmented
              label="Status"
              value={status}
              onChange={setStatus}
              options={[
                { value: 'using', label: 'Uses it' },
                { value: 'stopped', label: 'Stopped using it' },
              ]}
            />
            {problemFor(problems, 'status') ? <p className="field-error">{problemFor(problems, 'status')}</p> : null}
          </div>
          <Field id="declare-date" label="Since" required error={problemFor(problems, 'date')}>
            {(p) => (
              <input {...p} {...DATE_INPUT_PROPS} value={date} onChange={(e) => setDate(e.target.value.trim())} />
            )}
          </Field>
          <Field id="declare-note" label="Note" error={problemFor(problems, 'note')}>
            {(p) => (
              <input
                {...p}
                value={note}
                placeholder="e.g. all pipelines moved in Q2"
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={declare.isPending}>
            {declare.isPending ? 'Recording…' : 'Record declaration'}
          </button>
        </div>
      </form>
    </Card>
  );
}
