import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ItemRef, Problem } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useChangeProblem, useSplitProblem } from '../../hooks/queries/use-change-problem.js';
import { plural } from '../../lib/format.js';
import { ItemRefLink } from './ItemRefLink.js';
import { StatusBadge } from './StatusBadge.js';
import { TitleForm } from './TitleForm.js';

const keyOf = (i: ItemRef) => `${i.kind}-${i.id}`;

/** A problem's items; the platform side selects some to split off into a new problem, or to unlink. */
export function ProblemItems({ problem: p, triage }: { problem: Problem; triage: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [splitting, setSplitting] = useState(false);
  const split = useSplitProblem(p.id);
  const change = useChangeProblem();
  const navigate = useNavigate();
  const chosen: ItemRef[] = p.items.filter((i) => selected.has(keyOf(i))).map((i) => ({ kind: i.kind, id: i.id }));
  const toggle = (key: string) =>
    setSelected((was) => {
      const next = new Set(was);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Card title={`Items (${p.items.length})`}>
      {p.items.length === 0 ? (
        <EmptyState compact title="No items">
          Link items to this problem from the inbox.
        </EmptyState>
      ) : (
        <ul className="plain-list problem-items" aria-label="Items of the problem">
          {p.items.map((i) => (
            <li key={keyOf(i)} className="problem-item">
              {triage ? (
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={`Select ${i.title}`}
                  checked={selected.has(keyOf(i))}
                  onChange={() => toggle(keyOf(i))}
                />
              ) : null}
              <span className="problem-item-text">
                <ItemRefLink kind={i.kind} id={i.id} known={{ title: i.title, team: i.team }} />{' '}
                <StatusBadge status={i.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {triage && chosen.length > 0 ? (
        splitting ? (
          <TitleForm
            id="split-title"
            label="Title of the new problem"
            initial=""
            submitLabel={`Split ${plural(chosen.length, 'item')} off`}
            pending={split.isPending}
            error={split.error}
            onCancel={() => setSplitting(false)}
            onSubmit={(title) =>
              split.mutate(
                { items: chosen, title },
                { onSuccess: ({ created }) => navigate(`/voice/problems/${created.id}`) },
              )
            }
          />
        ) : (
          <div className="row selection-bar">
            <span className="small">{plural(chosen.length, 'item')} selected</span>
            <button type="button" className="button" onClick={() => setSplitting(true)}>
              Split into a new problem
            </button>
            <button
              type="button"
              className="button"
              disabled={change.isPending}
              onClick={() =>
                change.mutate({ id: p.id, patch: { removeItems: chosen } }, { onSuccess: () => setSelected(new Set()) })
              }
            >
              Take out of the problem
            </button>
            {change.error ? (
              <p className="field-error" role="alert">
                {change.error.message}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </Card>
  );
}
