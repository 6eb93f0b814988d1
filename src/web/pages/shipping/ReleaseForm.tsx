import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { Release, ReleaseType } from '../../api/release-types.js';
import { Field } from '../../components/Field.js';
import { DATE_INPUT_PROPS } from '../../lib/format.js';
import { RELEASE_TYPE_INFO, RELEASE_TYPE_LIST, takesAway } from '../../lib/release-kinds.js';
import { DetectRulesEditor } from '../capabilities/DetectRulesEditor.js';
import { CapabilityInput } from '../voice/CatalogInputs.js';
import { ClosesPicker } from './ClosesPicker.js';
import { NotesEditor } from './NotesEditor.js';
import { rulesProblems, type ReleaseDraft } from './release-form-model.js';

/** The release editor's fields; the page decides what saving does. The API's 400s show beside their fields. */
export function ReleaseForm({
  initial,
  before,
  error,
  saving,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ReleaseDraft;
  before?: Release | undefined;
  error: Error | null;
  saving: boolean;
  submitLabel: string;
  onSubmit: (draft: ReleaseDraft) => void;
  onCancel: () => void;
}) {
  const [d, setDraft] = useState(initial);
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof ReleaseDraft>(key: K, value: ReleaseDraft[K]) =>
    setDraft((was) => ({ ...was, [key]: value }));
  const problems = error instanceof ApiError ? error.fieldProblems() : {};
  const required = (key: 'capability' | 'version', words: string) =>
    touched && !d[key].trim() ? words : problems[key];
  const closesError = Object.entries(problems).find(([f]) => f.startsWith('closes'))?.[1];
  const away = takesAway(d.type);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (d.capability.trim() && d.version.trim()) onSubmit(d);
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Release">
      <div className="form-grid">
        <Field id="rel-capability" label="Capability" required error={required('capability', 'Choose the capability.')}>
          {(props) => <CapabilityInput props={props} value={d.capability} onChange={(v) => set('capability', v)} />}
        </Field>
        <Field
          id="rel-version"
          label="Version"
          required
          help="Semantic version, like 2.1.0."
          error={required('version', 'Give the version, like 2.1.0.')}
        >
          {(props) => (
            <input
              {...props}
              className="mono"
              value={d.version}
              placeholder="2.1.0"
              onChange={(e) => set('version', e.target.value)}
            />
          )}
        </Field>
        <Field id="rel-type" label="Type" help={RELEASE_TYPE_INFO[d.type].meaning} error={problems.type}>
          {(props) => (
            <select {...props} value={d.type} onChange={(e) => set('type', e.target.value as ReleaseType)}>
              {RELEASE_TYPE_LIST.map((t) => (
                <option key={t} value={t}>
                  {RELEASE_TYPE_INFO[t].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rel-date" label="Released on" help="Empty: today." error={problems.date}>
          {(props) => (
            <input {...props} {...DATE_INPUT_PROPS} value={d.date} onChange={(e) => set('date', e.target.value)} />
          )}
        </Field>
        <Field
          id="rel-title"
          label="Title"
          help="One line: what changed. Optional."
          error={problems.title}
          className="span-2"
        >
          {(props) => (
            <input {...props} value={d.title} maxLength={200} onChange={(e) => set('title', e.target.value)} />
          )}
        </Field>
        {away ? (
          <Field
            id="rel-deadline"
            label="Deadline"
            help="When the old way goes: teams still using it then are late."
            error={problems.deadline}
          >
            {(props) => (
              <input
                {...props}
                {...DATE_INPUT_PROPS}
                value={d.deadline}
                onChange={(e) => set('deadline', e.target.value)}
              />
            )}
          </Field>
        ) : null}
      </div>
      {away ? (
        <DetectRulesEditor
          legend="Rules that find the old usage"
          help="A service still uses the old way while any one rule matches its repository. None: the capability's own detect rules."
          rules={d.rules}
          onChange={(rules) => set('rules', rules)}
          problems={rulesProblems(problems)}
        />
      ) : null}
      <ClosesPicker
        capability={d.capability}
        value={d.closes}
        onChange={(closes) => set('closes', closes)}
        already={before?.closes ?? []}
        error={closesError}
      />
      <NotesEditor value={d.notes} onChange={(notes) => set('notes', notes)} error={problems.notes} />
      {error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
