import { useState } from 'react';
import type { Problem } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { useMergeProblem } from '../../hooks/queries/use-change-problem.js';
import { useProblems } from '../../hooks/queries/use-problems.js';

/** Merge another problem into this one: its items and roadmap links move here, and it is deleted. */
export function MergeProblem({ problem }: { problem: Problem }) {
  const others = useProblems({ status: 'open' }).items.filter((p) => p.id !== problem.id);
  const merge = useMergeProblem(problem.id);
  const [from, setFrom] = useState('');
  const [confirming, setConfirming] = useState(false);
  const chosen = others.find((p) => String(p.id) === from);
  if (others.length === 0) return null;
  return (
    <Card title="Merge">
      <div className="row">
        <label htmlFor="merge-from" className="visually-hidden">
          Problem to merge into this one
        </label>
        <select
          id="merge-from"
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            setConfirming(false);
          }}
        >
          <option value="">Merge another problem into this one…</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              #{p.id} {p.title}
            </option>
          ))}
        </select>
        {chosen && !confirming ? (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Merge
          </button>
        ) : null}
      </div>
      {chosen && confirming ? (
        <div className="alert alert-warning merge-confirm" role="alert">
          <p>
            “{chosen.title}” ({chosen.items.length} items) moves here with its roadmap links, and is deleted.
          </p>
          <div className="row">
            <button
              type="button"
              className="button button-primary"
              disabled={merge.isPending}
              onClick={() => merge.mutate(chosen.id, { onSuccess: () => setFrom('') })}
            >
              Merge it
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {merge.error ? (
        <p className="field-error" role="alert">
          {merge.error.message}
        </p>
      ) : null}
    </Card>
  );
}
