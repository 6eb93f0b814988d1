import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { Mandate, MandateCreate, MandatePatch } from '../../api/types.js';
import { Field } from '../../components/Field.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../../lib/format.js';
import { DATE_PROBLEM, problemFor } from '../capabilities/form-model.js';

export interface TeamOption {
  ref: string;
  label: string;
}

// A new mandate is created; an existing one is patched, where null clears the deadline or the note.
type Props = { teams: TeamOption[]; pending: boolean; error: unknown; onCancel: () => void } & (
  | { mandate: null; onSubmit: (input: MandateCreate) => void }
  | { mandate: Mandate; onSubmit: (input: MandatePatch) => void }
);

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** Add or change a mandate: all customer teams or chosen ones, from a date, with an optional deadline. */
export function MandateForm({ mandate, teams, pending, error, onSubmit, onCancel }: Props) {
  const id = `mandate-${mandate?.id ?? 'new'}`;
  const [scope, setScope] = useState<'all' | 'teams'>(mandate && mandate.scope !== 'all' ? 'teams' : 'all');
  const [chosen, setChosen] = useState<string[]>(mandate && mandate.scope !== 'all' ? mandate.scope.teams : []);
  const [effectiveFrom, setEffectiveFrom] = useState(
    day(mandate?.effectiveFrom) || new Date().toISOString().slice(0, 10),
  );
  const [deadline, setDeadline] = useState(day(mandate?.deadline));
  const [note, setNote] = useState(mandate?.note ?? '');
  const [submitted, setSubmitted] = useState(false);

  const client: Record<string, string> = {};
  if (!effectiveFrom) client.effectiveFrom = 'Required: the day the mandate takes effect.';
  else if (!isIsoDay(effectiveFrom)) client.effectiveFrom = DATE_PROBLEM;
  if (deadline && !isIsoDay(deadline)) client.deadline = DATE_PROBLEM;
  if (scope === 'teams' && chosen.length === 0) client['scope.teams'] = 'Choose at least one team.';
  const server = error instanceof ApiError ? error.fieldProblems() : {};
  const problems = { ...server, ...(submitted ? client : {}) };
  const scopeError = problemFor(problems, 'scope');
  // Teams named in the mandate but no longer eligible stay choosable, so editing never drops them silently.
  const options = [
    ...teams,
    ...chosen.filter((ref) => !teams.some((t) => t.ref === ref)).map((ref) => ({ ref, label: ref })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(client).length) return;
    const when = { scope: scope === 'all' ? ('all' as const) : { teams: chosen }, effectiveFrom };
    if (mandate) onSubmit({ ...when, deadline: deadline || null, note: note.trim() || null });
    else onSubmit({ ...when, ...(deadline ? { deadline } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  };
  const toggle = (ref: string) => setChosen((c) => (c.includes(ref) ? c.filter((r) => r !== ref) : [...c, ref]));

  return (
    <form className="mandate-form" onSubmit={submit} noValidate aria-label={mandate ? 'Change mandate' : 'New mandate'}>
      {error && !(error instanceof ApiError && error.code === 'VALIDATION_FAILED') ? (
        <p className="alert alert-danger" role="alert">
          {error instanceof Error ? error.message : 'Saving failed.'}
        </p>
      ) : null}
      <fieldset className="fieldset fieldset-plain" aria-describedby={scopeError ? `${id}-scope-error` : undefined}>
        <legend>Who must use it</legend>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} /> All
          customer teams
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'teams'} onChange={() => setScope('teams')} />{' '}
          Chosen teams
        </label>
        {scope === 'teams' ? (
          <div className="choice-grid" role="group" aria-label="Teams">
            {options.map((t) => (
              <label key={t.ref} className="choice">
                <input type="checkbox" checked={chosen.includes(t.ref)} onChange={() => toggle(t.ref)} /> {t.label}
              </label>
            ))}
          </div>
        ) : null}
        {scopeError ? (
          <p id={`${id}-scope-error`} className="field-error" data-field-error="scope">
            {scopeError}
          </p>
        ) : null}
      </fieldset>
      <div className="form-grid">
        <Field
          id={`${id}-from`}
          label="Effective from"
          required
          error={problemFor(problems, 'effectiveFrom')}
          help="Teams adopting on or after this day count as mandated."
        >
          {(p) => (
            <input
              {...p}
              {...DATE_INPUT_PROPS}
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.target.value.trim())}
            />
          )}
        </Field>
        <Field
          id={`${id}-deadline`}
          label="Deadline"
          error={problemFor(problems, 'deadline')}
          help="Optional: when teams are expected to have adopted."
        >
          {(p) => (
            <input {...p} {...DATE_INPUT_PROPS} value={deadline} onChange={(e) => setDeadline(e.target.value.trim())} />
          )}
        </Field>
        <Field
          id={`${id}-note`}
          label="Note"
          error={problemFor(problems, 'note')}
          className="span-2"
          help="Why it is required, e.g. the audit finding or policy."
        >
          {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : mandate ? 'Save mandate' : 'Add mandate'}
        </button>
      </div>
    </form>
  );
}
