import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { LoadMore } from '../../../components/LoadMore.js';
import { useCapabilities } from '../../../hooks/queries/use-capabilities.js';
import { useCreateSurvey } from '../../../hooks/queries/use-create-survey.js';

const splitNames = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/** Start a wave: a title, the capabilities asked about, the teams (all customer teams when left empty). */
export function NewSurveyForm({ onCreated }: { onCreated: (id: number) => void }) {
  const create = useCreateSurvey();
  const capabilities = useCapabilities({});
  const [title, setTitle] = useState('');
  const [teams, setTeams] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [closesOn, setClosesOn] = useState('');
  const [touched, setTouched] = useState(false);
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const titleError = touched && !title.trim() ? 'Give the wave a title.' : problems.title;
  const capabilityError =
    touched && chosen.length === 0
      ? 'Choose at least one capability.'
      : Object.entries(problems).find(([f]) => f.startsWith('capabilities'))?.[1];
  const teamError = Object.entries(problems).find(([f]) => f.startsWith('teams'))?.[1];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim() || chosen.length === 0) return;
    const names = splitNames(teams);
    create.mutate(
      {
        title: title.trim(),
        capabilities: chosen,
        ...(names.length ? { teams: names } : {}),
        ...(closesOn ? { closesAt: `${closesOn}T23:59:59Z` } : {}),
      },
      { onSuccess: (wave) => onCreated(wave.id) },
    );
  };

  const toggle = (name: string) =>
    setChosen((was) => (was.includes(name) ? was.filter((n) => n !== name) : [...was, name]));

  return (
    <form onSubmit={submit} noValidate className="form card" aria-label="New survey wave">
      <Field id="survey-title" label="Title" required error={titleError}>
        {(props) => <input {...props} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <fieldset className="fieldset" aria-describedby={capabilityError ? 'survey-capabilities-error' : undefined}>
        <legend>Capabilities to ask about (CSAT)</legend>
        {capabilities.isPending ? <p className="muted">Loading capabilities…</p> : null}
        <div className="survey-checks">
          {capabilities.items.map((c) => (
            <label key={c.ref} className="field-inline">
              <input type="checkbox" checked={chosen.includes(c.name)} onChange={() => toggle(c.name)} />{' '}
              {c.title ?? c.name}
            </label>
          ))}
        </div>
        {capabilities.hasNextPage ? (
          <LoadMore
            hasNextPage={capabilities.hasNextPage}
            isFetchingNextPage={capabilities.isFetchingNextPage}
            fetchNextPage={capabilities.fetchNextPage}
            shown={capabilities.items.length}
          />
        ) : null}
        {capabilityError ? (
          <p id="survey-capabilities-error" className="field-error">
            {capabilityError}
          </p>
        ) : null}
      </fieldset>
      <div className="form-grid">
        <Field
          id="survey-teams"
          label="Teams"
          help="Team names, separated by commas. Empty: every customer team."
          error={teamError}
        >
          {(props) => <input {...props} value={teams} onChange={(e) => setTeams(e.target.value)} />}
        </Field>
        <Field
          id="survey-closes"
          label="Closes on"
          help="YYYY-MM-DD, end of that day UTC. Optional."
          error={problems.closesAt}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              placeholder="YYYY-MM-DD"
              pattern="\d{4}-\d{2}-\d{2}"
              value={closesOn}
              onChange={(e) => setClosesOn(e.target.value)}
            />
          )}
        </Field>
      </div>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create wave and links'}
        </button>
      </div>
    </form>
  );
}
