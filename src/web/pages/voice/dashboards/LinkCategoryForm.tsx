import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { useCapabilities } from '../../../hooks/queries/use-capabilities.js';
import { useLinkCategory } from '../../../hooks/queries/use-link-category.js';
import { useSupportCategories } from '../../../hooks/queries/use-support-categories.js';

/** Platform members name the capability that made a support category self-service (the API checks ownership). */
export function LinkCategoryForm() {
  const categories = useSupportCategories();
  const capabilities = useCapabilities({});
  const link = useLinkCategory();
  const [category, setCategory] = useState('');
  const [capability, setCapability] = useState('');
  const problems = link.error instanceof ApiError ? link.error.fieldProblems() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category.trim()) return;
    link.mutate({ category: category.trim(), capability: capability || null });
  };
  const listId = 'support-category-options';
  return (
    <details className="voice-details">
      <summary>Link a support category to its self-service capability</summary>
      <form className="form inline-form voice-inline-form" onSubmit={submit} aria-label="Link a support category">
        <Field id="link-category" label="Category" required error={problems.category}>
          {(props) => (
            <>
              <input
                {...props}
                list={listId}
                value={category}
                maxLength={80}
                autoComplete="off"
                onChange={(e) => setCategory(e.target.value)}
              />
              <datalist id={listId}>
                {(categories.data?.items ?? []).map((c) => (
                  <option key={c.category} value={c.category}>
                    {c.capability ? `linked to ${c.capability}` : `${c.requests} requests`}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="link-capability" label="Self-service capability" error={problems.capability}>
          {(props) => (
            <select {...props} value={capability} onChange={(e) => setCapability(e.target.value)}>
              <option value="">None (unlink)</option>
              {capabilities.items.map((c) => (
                <option key={c.ref} value={c.name}>
                  {c.title ?? c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={link.isPending || !category.trim()}>
            {link.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        {link.error && Object.keys(problems).length === 0 ? (
          <p className="alert alert-danger" role="alert">
            {link.error.message}
          </p>
        ) : null}
        {link.isSuccess ? (
          <p className="alert alert-success" role="status">
            {link.data.capability
              ? `“${link.data.category}” is now measured against ${link.data.capability}.`
              : `“${link.data.category}” is no longer linked.`}
          </p>
        ) : null}
      </form>
    </details>
  );
}
