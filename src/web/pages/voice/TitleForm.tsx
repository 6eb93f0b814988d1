import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';

/** A title asked for before something is created (a problem from a suggestion, a split): Enter sends it. */
export function TitleForm({
  id,
  label,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (title: string) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial);
  const problems = error instanceof ApiError ? error.fieldProblems() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) onSubmit(title.trim());
  };
  return (
    <form className="title-form" onSubmit={submit}>
      <Field id={id} label={label} error={problems.title ?? (error && !problems.title ? error.message : undefined)}>
        {(props) => (
          <input {...props} value={title} maxLength={200} autoFocus onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={pending || !title.trim()}>
          {pending ? 'Creating…' : submitLabel}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
