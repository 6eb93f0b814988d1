import { useState } from 'react';
import type { ItemRef } from '../../api/voice-types.js';
import { useChangeProblem } from '../../hooks/queries/use-change-problem.js';
import { useProblems } from '../../hooks/queries/use-problems.js';

/** "Add to an existing problem": choose an open problem, and the items are linked to it (PATCH addItems). */
export function ProblemPicker({ items, id, onDone }: { items: ItemRef[]; id: string; onDone?: () => void }) {
  const problems = useProblems({ status: 'open' });
  const change = useChangeProblem();
  const [chosen, setChosen] = useState('');
  if (problems.items.length === 0) return null;
  return (
    <div className="problem-picker">
      <label htmlFor={id} className="visually-hidden">
        Existing problem
      </label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">Add to an existing problem…</option>
        {problems.items.map((p) => (
          <option key={p.id} value={p.id}>
            #{p.id} {p.title} (reach {p.reach})
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={!chosen || change.isPending || items.length === 0}
        onClick={() =>
          change.mutate({ id: Number(chosen), patch: { addItems: items } }, { onSuccess: () => onDone?.() })
        }
      >
        Add
      </button>
      {change.error ? (
        <p className="field-error" role="alert">
          {change.error.message}
        </p>
      ) : null}
    </div>
  );
}
