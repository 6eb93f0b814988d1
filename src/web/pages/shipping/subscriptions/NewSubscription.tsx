import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.js';
import type { CreatedSubscription, ReleaseType, SubscriptionCreate } from '../../../api/subscription-types.js';
import { Field } from '../../../components/Field.js';
import { useCreateSubscription } from '../../../hooks/queries/use-create-subscription.js';
import { KIND_LABELS, TYPE_LABELS } from './labels.js';

const KINDS = Object.keys(KIND_LABELS) as SubscriptionCreate['kind'][];
const TYPES = Object.keys(TYPE_LABELS) as ReleaseType[];
const URL_HELP: Record<SubscriptionCreate['kind'], string> = {
  slack: 'The incoming webhook URL Slack gives for a channel (https://hooks.slack.com/services/…).',
  teams: 'The URL of a Teams workflow "When a Teams webhook request is received" that posts to a channel.',
  webhook: 'Your endpoint. Requests are signed per Standard Webhooks; the secret is shown once, after adding.',
};

/** Add a destination: where (kind, URL) and which releases (capabilities, a team's news, types). */
export function NewSubscription({ onCreated }: { onCreated: (created: CreatedSubscription) => void }) {
  const create = useCreateSubscription();
  const [kind, setKind] = useState<SubscriptionCreate['kind']>('slack');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [capabilities, setCapabilities] = useState('');
  const [team, setTeam] = useState('');
  const [types, setTypes] = useState<Set<ReleaseType>>(new Set());
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const capabilityProblem = Object.entries(problems).find(([f]) => f.startsWith('filter.capabilities'))?.[1];
  const typeProblem = Object.entries(problems).find(([f]) => f.startsWith('filter.types'))?.[1];
  const toggle = (type: ReleaseType) =>
    setTypes((was) => {
      const next = new Set(was);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = capabilities
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const filter = {
      ...(names.length ? { capabilities: names } : {}),
      ...(team.trim() ? { team: team.trim() } : {}),
      ...(types.size ? { types: TYPES.filter((t) => types.has(t)) } : {}),
    };
    create.mutate(
      { kind, url: url.trim(), ...(name.trim() ? { name: name.trim() } : {}), filter },
      {
        onSuccess: (created) => {
          setUrl('');
          setName('');
          onCreated(created);
        },
      },
    );
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="New subscription">
      <div className="form-grid">
        <Field id="sub-kind" label="Where" error={problems.kind}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="sub-name" label="Name" help="Optional, to tell destinations apart." error={problems.name}>
          {(props) => <input {...props} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="sub-url" label="URL" required help={URL_HELP[kind]} error={problems.url} className="span-2">
          {(props) => (
            <input {...props} value={url} type="url" placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
          )}
        </Field>
        <Field
          id="sub-capabilities"
          label="Capabilities"
          help="Names, separated by commas. Empty: every capability."
          error={capabilityProblem}
        >
          {(props) => <input {...props} value={capabilities} onChange={(e) => setCapabilities(e.target.value)} />}
        </Field>
        <Field
          id="sub-team"
          label="For a team"
          help="Only releases that are news for this team: capabilities it uses or asked for. Empty: no team filter."
          error={problems['filter.team']}
        >
          {(props) => <input {...props} value={team} onChange={(e) => setTeam(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>Release types (none ticked: all)</legend>
        <div className="link-checks">
          {TYPES.map((t) => (
            <label key={t} className="check">
              <input type="checkbox" checked={types.has(t)} onChange={() => toggle(t)} /> <span>{TYPE_LABELS[t]}</span>
            </label>
          ))}
        </div>
        {typeProblem ? <p className="field-error">{typeProblem}</p> : null}
      </fieldset>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending || !url.trim()}>
          {create.isPending ? 'Adding…' : 'Add subscription'}
        </button>
      </div>
    </form>
  );
}
