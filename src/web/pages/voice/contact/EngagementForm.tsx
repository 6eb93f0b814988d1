import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { useCreateEngagement } from '../../../hooks/queries/use-create-engagement.js';
import { useTeams } from '../../../hooks/queries/use-teams.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../../../lib/format.js';
import { EntityOptions, useAllPages } from '../dashboards/EntitySelect.js';

/** Record a buddy engagement: a platform engineer embedded with a customer team for a period. */
export function EngagementForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const create = useCreateEngagement();
  const customers = useTeams({ kind: 'customer' });
  useAllPages(customers);
  const [team, setTeam] = useState('');
  const [engineer, setEngineer] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [goals, setGoals] = useState('');
  const [touched, setTouched] = useState(false);
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const endOk = !endsOn || (isIsoDay(endsOn) && endsOn >= startsOn);
  const local = {
    team: !team && 'Choose the team.',
    engineer: !engineer.trim() && 'Name the engineer.',
    startsOn: !isIsoDay(startsOn) && 'Give the first day as YYYY-MM-DD.',
    endsOn: !endOk && 'Give a day as YYYY-MM-DD, not before the first day, or leave it empty.',
  };
  const error = (field: keyof typeof local) => (touched && local[field] ? local[field] : problems[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(local).some(Boolean)) return;
    create.mutate(
      {
        team,
        engineer: engineer.trim(),
        startsOn,
        ...(endsOn ? { endsOn } : {}),
        ...(goals.trim() ? { goals: goals.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="form voice-form" onSubmit={submit} noValidate aria-label="Record an engagement">
      <div className="form-grid">
        <Field id="engagement-team" label="Customer team" required error={error('team')}>
          {(props) => (
            <select {...props} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">{customers.isPending ? 'Loading teams…' : 'Choose a team'}</option>
              <EntityOptions list={customers} />
            </select>
          )}
        </Field>
        <Field id="engagement-engineer" label="Platform engineer" required error={error('engineer')}>
          {(props) => (
            <input {...props} value={engineer} maxLength={200} onChange={(e) => setEngineer(e.target.value)} />
          )}
        </Field>
        <Field id="engagement-starts" label="First day" required error={error('startsOn')}>
          {(props) => (
            <input {...props} {...DATE_INPUT_PROPS} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          )}
        </Field>
        <Field id="engagement-ends" label="Last day" help="Empty while it goes on." error={error('endsOn')}>
          {(props) => (
            <input {...props} {...DATE_INPUT_PROPS} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          )}
        </Field>
      </div>
      <Field id="engagement-goals" label="Goals" error={problems.goals}>
        {(props) => <textarea {...props} rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} />}
      </Field>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save the engagement'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
