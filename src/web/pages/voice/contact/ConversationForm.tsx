import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { useCreateConversation } from '../../../hooks/queries/use-create-conversation.js';
import { useTeams } from '../../../hooks/queries/use-teams.js';
import { useVoiceItems } from '../../../hooks/queries/use-voice-items.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../../../lib/format.js';
import { EntityOptions, useAllPages } from '../dashboards/EntitySelect.js';

const CHANNELS = ['call', 'video call', 'meeting', 'chat', 'visit', 'email'];
const today = () => new Date().toISOString().slice(0, 10);
/** "Ana, Bo" or one per line → ["Ana", "Bo"]. */
const splitPeople = (text: string) =>
  text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
const problemOf = (problems: Record<string, string>, field: string) =>
  Object.entries(problems).find(([f]) => f === field || f.startsWith(`${field}.`))?.[1];

/** The team's pains to link: a checkbox each, the open ones first. */
function PainChoices({ team, chosen, toggle }: { team: string; chosen: number[]; toggle: (id: number) => void }) {
  const pains = useVoiceItems('pains', { team, limit: 50 }, Boolean(team));
  if (!team) return <p className="muted small">Choose a team to see its pains.</p>;
  if (pains.isPending) return <p className="muted small">Loading the team’s pains…</p>;
  if (pains.error) return <p className="field-error">Could not load the team’s pains: {pains.error.message}</p>;
  const items = [...pains.data.items].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
  if (items.length === 0) return <p className="muted small">This team has no pain recorded.</p>;
  return (
    <div className="voice-checks">
      {items.map((p) => (
        <label key={p.id} className="choice">
          <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} /> {p.title}
          {p.status !== 'open' ? <span className="muted small"> ({p.status})</span> : null}
        </label>
      ))}
    </div>
  );
}

/** Log a conversation with a customer team (platform team members; the API credits the writer's platform team). */
export function ConversationForm(p: { team: string; onDone: (team: string) => void; onCancel: () => void }) {
  const create = useCreateConversation();
  const customers = useTeams({ kind: 'customer' });
  const platformTeams = useTeams({ kind: 'platform' });
  useAllPages(customers);
  useAllPages(platformTeams);
  const [team, setTeam] = useState(p.team);
  const [date, setDate] = useState(today);
  const [people, setPeople] = useState('');
  const [channel, setChannel] = useState('');
  const [notes, setNotes] = useState('');
  const [pains, setPains] = useState<number[]>([]);
  const [platformTeam, setPlatformTeam] = useState('');
  const [touched, setTouched] = useState(false);
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const error = (field: string, local: string | false) => (touched && local ? local : problemOf(problems, field));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!team || !isIsoDay(date) || splitPeople(people).length === 0) return;
    create.mutate(
      {
        team,
        date,
        people: splitPeople(people),
        ...(channel.trim() ? { channel: channel.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(pains.length ? { pains } : {}),
        ...(platformTeam ? { platformTeam } : {}),
      },
      { onSuccess: (c) => p.onDone(c.team) },
    );
  };

  return (
    <form className="form voice-form" onSubmit={submit} noValidate aria-label="Log a conversation">
      <div className="form-grid">
        <Field
          id="conversation-form-team"
          label="Customer team"
          required
          error={error('team', !team && 'Choose the team.')}
        >
          {(props) => (
            <select
              {...props}
              value={team}
              onChange={(e) => {
                setTeam(e.target.value);
                setPains([]);
              }}
            >
              <option value="">{customers.isPending ? 'Loading teams…' : 'Choose a team'}</option>
              <EntityOptions list={customers} />
            </select>
          )}
        </Field>
        <Field
          id="conversation-form-date"
          label="Date"
          required
          help="YYYY-MM-DD, the day you talked."
          error={error('date', !isIsoDay(date) && 'Give the date as YYYY-MM-DD.')}
        >
          {(props) => <input {...props} {...DATE_INPUT_PROPS} value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field
          id="conversation-form-people"
          label="People"
          required
          help="Who took part, separated by commas."
          error={error('people', splitPeople(people).length === 0 && 'Name at least one person.')}
        >
          {(props) => <input {...props} value={people} onChange={(e) => setPeople(e.target.value)} />}
        </Field>
        <Field id="conversation-form-channel" label="Channel" error={problemOf(problems, 'channel')}>
          {(props) => (
            <>
              <input
                {...props}
                list="conversation-channels"
                value={channel}
                maxLength={80}
                onChange={(e) => setChannel(e.target.value)}
              />
              <datalist id="conversation-channels">
                {CHANNELS.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <Field id="conversation-form-notes" label="Notes" error={problemOf(problems, 'notes')}>
        {(props) => <textarea {...props} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <fieldset className="fieldset">
        <legend>Pains raised or discussed</legend>
        <PainChoices
          team={team}
          chosen={pains}
          toggle={(id) => setPains((was) => (was.includes(id) ? was.filter((x) => x !== id) : [...was, id]))}
        />
        {problemOf(problems, 'pains') ? <p className="field-error">{problemOf(problems, 'pains')}</p> : null}
      </fieldset>
      <Field
        id="conversation-form-platform-team"
        label="Credited to"
        help="Leave as is to credit your own platform team; name one if you are in several."
        error={problemOf(problems, 'platformTeam')}
      >
        {(props) => (
          <select {...props} value={platformTeam} onChange={(e) => setPlatformTeam(e.target.value)}>
            <option value="">My platform team</option>
            <EntityOptions list={platformTeams} />
          </select>
        )}
      </Field>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save the conversation'}
        </button>
        <button type="button" className="button" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
