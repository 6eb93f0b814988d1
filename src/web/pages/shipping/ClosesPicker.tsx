import type { Release } from '../../api/release-types.js';
import { useVoiceItems } from '../../hooks/queries/use-voice-items.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { closeKey } from './release-form-model.js';

interface Choice {
  key: string;
  label: string;
  kind: string;
}

/**
 * The requests and bugs a release closes, picked from the capability's open ones (the 200 newest of each); what the
 * release already closes stays listed, closed or not.
 */
export function ClosesPicker({
  capability,
  value,
  onChange,
  already,
  error,
}: {
  capability: string;
  value: string[];
  onChange: (keys: string[]) => void;
  already: Release['closes'];
  error?: string | undefined;
}) {
  const name = useDebounced(capability.trim());
  const filters = { capability: name, status: 'unresolved', limit: 200 };
  const requests = useVoiceItems('requests', filters, name !== '');
  const bugs = useVoiceItems('bugs', filters, name !== '');
  const choices = new Map<string, Choice>();
  for (const c of already) choices.set(closeKey(c), { key: closeKey(c), label: c.title, kind: c.kind });
  for (const r of requests.data?.items ?? [])
    choices.set(`request-${r.id}`, { key: `request-${r.id}`, label: r.title, kind: 'request' });
  for (const b of bugs.data?.items ?? [])
    choices.set(`bug-${b.id}`, { key: `bug-${b.id}`, label: b.title, kind: 'bug' });
  const toggle = (key: string) => onChange(value.includes(key) ? value.filter((k) => k !== key) : [...value, key]);
  const loading = name !== '' && (requests.isPending || bugs.isPending);

  return (
    <fieldset className="fieldset">
      <legend>Closes</legend>
      <p className="field-help">
        The capability’s open feature requests and bugs this release answers. Their voters and reporters are told.
      </p>
      {name === '' ? <p className="muted small">Choose the capability first.</p> : null}
      {loading ? <p className="muted small">Loading its open requests and bugs…</p> : null}
      {name !== '' && !loading && choices.size === 0 ? (
        <p className="muted small">No open request or bug on {name}.</p>
      ) : null}
      <div className="link-checks">
        {[...choices.values()].map((c) => (
          <label key={c.key} className="check">
            <input type="checkbox" checked={value.includes(c.key)} onChange={() => toggle(c.key)} />{' '}
            <span>
              {c.label} <span className="muted small">({c.kind})</span>
            </span>
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
