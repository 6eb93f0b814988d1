import { useDeferredValue } from 'react';
import { Field } from '../../components/Field.js';
import { MarkdownText } from '../voice/MarkdownText.js';

/** Markdown notes with a live preview beside them, rendered as the changelog will (sanitised: HTML stays text). */
export function NotesEditor({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (notes: string) => void;
  error?: string | undefined;
}) {
  const shown = useDeferredValue(value);
  return (
    <div className="notes-editor">
      <Field
        id="rel-notes"
        label="Notes (Markdown)"
        help="Paragraphs, - lists, **bold**, `code`, [links](https://…) and tables. HTML is shown as text."
        error={error}
      >
        {(props) => <textarea {...props} rows={14} value={value} onChange={(e) => onChange(e.target.value)} />}
      </Field>
      <section className="notes-preview" aria-label="Preview">
        <p className="notes-preview-label">Preview</p>
        {shown.trim() ? (
          <MarkdownText text={shown} label="Notes preview" />
        ) : (
          <p className="muted small">Nothing yet.</p>
        )}
      </section>
    </div>
  );
}
