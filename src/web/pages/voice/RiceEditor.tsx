import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { RiceInputs } from '../../api/voice-types.js';
import { Field } from '../../components/Field.js';

const IMPACTS = [
  { value: 0.25, label: '0.25 · minimal' },
  { value: 0.5, label: '0.5 · low' },
  { value: 1, label: '1 · medium' },
  { value: 2, label: '2 · high' },
  { value: 3, label: '3 · massive' },
];

const text = (n: number | null) => (n === null ? '' : String(n));
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Impact, confidence and effort (reach always comes from the data); empty clears one. */
export function RiceEditor({
  idPrefix,
  initial,
  pending,
  error,
  onSave,
  onCancel,
  compact = false,
}: {
  idPrefix: string;
  initial: RiceInputs;
  pending: boolean;
  error: Error | null;
  onSave: (rice: RiceInputs) => void;
  onCancel?: () => void;
  compact?: boolean;
}) {
  const [impact, setImpact] = useState(text(initial.impact));
  const [confidence, setConfidence] = useState(text(initial.confidence));
  const [effort, setEffort] = useState(text(initial.effort));
  const problems = error instanceof ApiError ? error.fieldProblems() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ impact: numberOrNull(impact), confidence: numberOrNull(confidence), effort: numberOrNull(effort) });
  };
  return (
    <form
      className={compact ? 'rice-editor rice-editor-compact' : 'rice-editor'}
      onSubmit={submit}
      aria-label="RICE inputs"
    >
      <Field id={`${idPrefix}-impact`} label="Impact" error={problems.impact}>
        {(props) => (
          <select {...props} value={impact} onChange={(e) => setImpact(e.target.value)}>
            <option value="">not set</option>
            {IMPACTS.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-confidence`} label="Confidence (%)" error={problems.confidence}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={100}
            step="any"
            inputMode="decimal"
            value={confidence}
            onChange={(e) => setConfidence(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-effort`} label="Effort (person-weeks)" error={problems.effort}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={effort}
            onChange={(e) => setEffort(e.target.value)}
          />
        )}
      </Field>
      <div className="row rice-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save RICE'}
        </button>
        {onCancel ? (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {error && Object.keys(problems).length === 0 ? (
        <p className="field-error rice-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
