import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { FeedbackItem } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { useChangeFeedback } from '../../hooks/queries/use-change-feedback.js';

/** Triage of an item whose author Paved could not place: the platform team gives it its customer team. */
export function AssignTeam({ item }: { item: FeedbackItem }) {
  const change = useChangeFeedback(item.kind, item.id);
  const [team, setTeam] = useState('');
  const problems = change.error instanceof ApiError ? change.error.fieldProblems() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (team.trim()) change.mutate({ team: team.trim() });
  };
  return (
    <Card title="Triage">
      <form className="title-form" onSubmit={submit}>
        <Field
          id="assign-team"
          label="Customer team"
          help="Paved could not place this item’s author in a team. A team set here is kept, whatever the tracker sends later."
          error={problems.team ?? (change.error && !problems.team ? change.error.message : undefined)}
        >
          {(props) => (
            <input {...props} value={team} placeholder="team name" onChange={(e) => setTeam(e.target.value)} />
          )}
        </Field>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={change.isPending || !team.trim()}>
            Set the team
          </button>
        </div>
      </form>
    </Card>
  );
}
