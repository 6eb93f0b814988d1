import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { useTeams } from '../../hooks/queries/use-teams.js';
import { DATE_INPUT_PROPS } from '../../lib/format.js';
import { LIFECYCLES, lifecycleLabel } from '../../lib/lifecycle.js';
import { DetectRulesEditor } from './DetectRulesEditor.js';
import { problemFor, unplacedProblems, validateDraft, type Draft } from './form-model.js';

interface Props {
  initial: Draft;
  creating: boolean;
  pending: boolean;
  error: unknown;
  cancelTo: string;
  onSubmit: (draft: Draft) => void;
}

/** The capability form, shared by create and edit; client hints first, then the server's per-field reasons. */
export function CapabilityFields({ initial, creating, pending, error, cancelTo, onSubmit }: Props) {
  const [draft, setDraft] = useState(initial);
  const [attempts, setAttempts] = useState(0);
  const submitted = attempts > 0;
  const form = useRef<HTMLFormElement>(null);
  const platformTeams = useTeams({ kind: 'platform' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const clientProblems = validateDraft(draft, creating);
  const serverProblems = error instanceof ApiError ? error.fieldProblems() : {};
  if (error instanceof ApiError && error.code === 'CONFLICT') serverProblems.name = error.message;
  const problems = { ...serverProblems, ...(submitted ? clientProblems : {}) };
  const err = (field: string) => problemFor(problems, field);
  const leftovers = unplacedProblems(serverProblems);

  // After a refused save, take the person to the first field that needs attention.
  useEffect(() => {
    if (attempts > 0 || error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    if (Object.keys(clientProblems).length > 0) return;
    onSubmit(draft);
  };

  return (
    <form ref={form} className="form card" onSubmit={submit} noValidate aria-describedby="form-required-note">
      <p id="form-required-note" className="muted small">
        Fields marked <span className="required">*</span> are required.
      </p>
      {error ? (
        <div className="alert alert-danger" role="alert">
          <p>
            {error instanceof ApiError && error.code === 'VALIDATION_FAILED'
              ? 'Some fields need attention; see below.'
              : error instanceof Error
                ? error.message
                : 'Saving failed.'}
          </p>
          {leftovers.length ? (
            <ul>
              {leftovers.map(([field, reason]) => (
                <li key={field}>
                  <code>{field}</code>: {reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : submitted && Object.keys(clientProblems).length > 0 ? (
        <p className="alert alert-danger" role="alert">
          Some fields need attention; see below.
        </p>
      ) : null}

      <div className="form-grid">
        {creating ? (
          <Field
            id="cap-name"
            label="Name"
            required
            error={err('name')}
            help="Its identifier in the catalog, e.g. golden-ci. It cannot change later."
          >
            {(p) => (
              <input
                {...p}
                className="mono"
                value={draft.name}
                onChange={(e) => set('name', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        ) : null}
        <Field id="cap-title" label="Title" error={err('title')} help="What customers see, e.g. Golden CI pipeline.">
          {(p) => <input {...p} value={draft.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field id="cap-owner" label="Owner" required error={err('owner')} help="The platform team that runs it.">
          {(p) => (
            <>
              <input
                {...p}
                className="mono"
                list="platform-teams"
                placeholder="platform-ci"
                value={draft.owner}
                onChange={(e) => set('owner', e.target.value)}
                autoComplete="off"
              />
              <datalist id="platform-teams">
                {platformTeams.items.map((t) => (
                  <option key={t.ref} value={t.namespace === 'default' ? t.name : `${t.namespace}/${t.name}`}>
                    {t.title || t.name}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="cap-lifecycle" label="Lifecycle" required error={err('lifecycle')}>
          {(p) => (
            <select
              {...p}
              value={draft.lifecycle}
              onChange={(e) => set('lifecycle', e.target.value as Draft['lifecycle'])}
            >
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {lifecycleLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="cap-category" label="Category" error={err('category')} help="e.g. ci, observability, data.">
          {(p) => <input {...p} value={draft.category} onChange={(e) => set('category', e.target.value)} />}
        </Field>
        <Field id="cap-ga" label="GA date" error={err('gaDate')} help="Leave empty to use the first release marked GA.">
          {(p) => (
            <input {...p} {...DATE_INPUT_PROPS} value={draft.gaDate} onChange={(e) => set('gaDate', e.target.value)} />
          )}
        </Field>
        <Field id="cap-docs" label="Documentation URL" error={err('docs')} className="span-2">
          {(p) => (
            <input
              {...p}
              type="url"
              placeholder="https://docs.example.com/golden-ci"
              value={draft.docs}
              onChange={(e) => set('docs', e.target.value)}
            />
          )}
        </Field>
        <Field id="cap-description" label="Description" error={err('description')} className="span-2">
          {(p) => (
            <textarea {...p} rows={4} value={draft.description} onChange={(e) => set('description', e.target.value)} />
          )}
        </Field>
        <Field id="cap-tags" label="Tags" error={err('tags')} help="Comma-separated.">
          {(p) => <input {...p} value={draft.tags} onChange={(e) => set('tags', e.target.value)} />}
        </Field>
        <Field
          id="cap-audience"
          label="Audience"
          error={err('audience')}
          help="Component types it is meant for, comma-separated; empty means every customer team."
        >
          {(p) => <input {...p} value={draft.audience} onChange={(e) => set('audience', e.target.value)} />}
        </Field>
      </div>

      <DetectRulesEditor rules={draft.detect} onChange={(rules) => set('detect', rules)} problems={problems} />

      <div className="form-actions">
        <Link className="button button-ghost" to={cancelTo}>
          Cancel
        </Link>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : creating ? 'Create capability' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
