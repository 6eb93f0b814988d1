import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { useBacklog } from '../../hooks/queries/use-backlog.js';
import { useCreateRoadmapItem } from '../../hooks/queries/use-roadmap.js';
import { CapabilityInput } from './CatalogInputs.js';
import { COLUMNS } from './RoadmapCard.js';

/** Add a roadmap item, linked to problems and requests picked from the backlog. */
export function NewRoadmapItem({ onDone }: { onDone: () => void }) {
  const create = useCreateRoadmapItem();
  const backlog = useBacklog();
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<(typeof COLUMNS)[number]>('next');
  const [quarter, setQuarter] = useState('');
  const [capability, setCapability] = useState('');
  const [links, setLinks] = useState<Set<string>>(new Set());
  const [touched, setTouched] = useState(false);
  const problems = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const titleError = touched && !title.trim() ? 'Give the item a title.' : problems.title;
  const linkError = Object.entries(problems).find(([f]) => /^(problems|requests)/.test(f))?.[1];
  const ids = (kind: string) => [...links].filter((k) => k.startsWith(`${kind}-`)).map((k) => Number(k.split('-')[1]));
  const toggle = (key: string) =>
    setLinks((was) => {
      const next = new Set(was);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    create.mutate(
      {
        title: title.trim(),
        status,
        ...(quarter.trim() ? { targetQuarter: quarter.trim() } : {}),
        ...(capability.trim() ? { capability: capability.trim() } : {}),
        problems: ids('problem'),
        requests: ids('request'),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="New roadmap item">
      <div className="form-grid">
        <Field id="rm-title" label="Title" required error={titleError} className="span-2">
          {(props) => <input {...props} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="rm-status" label="Column" error={problems.status}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              {COLUMNS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rm-quarter" label="Target quarter" help="Like 2027-Q1. Optional." error={problems.targetQuarter}>
          {(props) => (
            <input {...props} value={quarter} placeholder="2027-Q1" onChange={(e) => setQuarter(e.target.value)} />
          )}
        </Field>
        <Field
          id="rm-capability"
          label="Capability"
          help="Optional. Only its owners may change the item then."
          error={problems.capability}
        >
          {(props) => <CapabilityInput props={props} value={capability} onChange={setCapability} />}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>Answers (from the backlog)</legend>
        {backlog.items.length === 0 ? <p className="muted small">No open problem or request to link.</p> : null}
        <div className="link-checks">
          {backlog.items.map((b) => (
            <label key={`${b.kind}-${b.id}`} className="check">
              <input
                type="checkbox"
                checked={links.has(`${b.kind}-${b.id}`)}
                onChange={() => toggle(`${b.kind}-${b.id}`)}
              />{' '}
              <span>
                {b.title}{' '}
                <span className="muted small">
                  ({b.kind}, reach {b.reach})
                </span>
              </span>
            </label>
          ))}
        </div>
        {linkError ? <p className="field-error">{linkError}</p> : null}
      </fieldset>
      {create.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add to the roadmap'}
        </button>
      </div>
    </form>
  );
}
