import { useState } from 'react';
import type { Mandate } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useCreateMandate } from '../../hooks/queries/use-create-mandate.js';
import { useDeleteMandate } from '../../hooks/queries/use-delete-mandate.js';
import { useMandates } from '../../hooks/queries/use-mandates.js';
import { useAdministers } from '../../hooks/queries/use-me.js';
import { useCapability } from '../../hooks/queries/use-capability.js';
import { useUpdateMandate } from '../../hooks/queries/use-update-mandate.js';
import { formatDate } from '../../lib/format.js';
import { shortRef } from '../../lib/refs.js';
import { MandateForm, type TeamOption } from './MandateForm.js';

function MandateItem({
  mandate: m,
  teams,
  isAdmin,
  onEdit,
  capability,
}: {
  mandate: Mandate;
  teams: TeamOption[];
  isAdmin: boolean;
  onEdit: () => void;
  capability: string;
}) {
  const remove = useDeleteMandate(capability);
  const [confirming, setConfirming] = useState(false);
  const label = (ref: string) => teams.find((t) => t.ref === ref)?.label ?? shortRef(ref);
  const upcoming = new Date(m.effectiveFrom) > new Date();
  return (
    <li className="mandate" data-mandate={m.id}>
      <div className="mandate-main">
        <p className="mandate-scope">
          {m.scope === 'all' ? (
            <strong>All customer teams</strong>
          ) : (
            <strong>{m.scope.teams.map(label).join(', ')}</strong>
          )}{' '}
          {upcoming ? <Badge tone="info">upcoming</Badge> : <Badge tone="accent">in effect</Badge>}
        </p>
        <p className="muted small">
          {upcoming ? 'Takes effect' : 'Since'} {formatDate(m.effectiveFrom)}
          {m.deadline ? ` · deadline ${formatDate(m.deadline)}` : ''}
          {m.createdBy ? ` · added by ${m.createdBy}` : ''}
        </p>
        {m.note ? <p className="mandate-note">{m.note}</p> : null}
        {remove.error ? (
          <p className="field-error">{remove.error instanceof Error ? remove.error.message : 'Deleting failed.'}</p>
        ) : null}
      </div>
      {isAdmin ? (
        <div className="row row-tight mandate-actions">
          {confirming ? (
            <>
              <span className="small">Delete it?</span>
              <button
                type="button"
                className="button button-small button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(m.id)}
              >
                {remove.isPending ? 'Deleting…' : 'Delete'}
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button-small" onClick={onEdit}>
                Edit
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => setConfirming(true)}>
                Delete
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** Mandates of a capability: they decide which adoptions count as mandated rather than chosen. Admins change them. */
export function Mandates({ capability, teams }: { capability: string; teams: TeamOption[] }) {
  const isAdmin = useAdministers(useCapability(capability).data?.capability.ownerRef);
  const list = useMandates(capability);
  const create = useCreateMandate(capability);
  const update = useUpdateMandate(capability);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const close = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };
  const open = (target: number | 'new') => {
    create.reset();
    update.reset();
    setEditing(target);
  };

  const addButton =
    isAdmin && editing === null ? (
      <button type="button" className="button button-small" onClick={() => open('new')}>
        Add mandate
      </button>
    ) : undefined;

  return (
    <Card title="Mandates" actions={addButton}>
      {editing === 'new' ? (
        <MandateForm
          mandate={null}
          teams={teams}
          pending={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(input) => create.mutate(input, { onSuccess: close })}
        />
      ) : null}
      {list.isPending ? (
        <Loading count={2} label="Loading mandates" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="mandates" />
      ) : list.data.items.length === 0 ? (
        editing === 'new' ? null : (
          <EmptyState compact title="No mandate: every adoption is voluntary">
            <p>A mandate makes the adoptions of the teams it covers count as mandated from its effective date.</p>
          </EmptyState>
        )
      ) : (
        <ul className="mandates" aria-label="Mandates">
          {list.data.items.map((m) =>
            editing === m.id ? (
              <li key={m.id} className="mandate mandate-editing">
                <MandateForm
                  mandate={m}
                  teams={teams}
                  pending={update.isPending}
                  error={update.error}
                  onCancel={close}
                  onSubmit={(body) => update.mutate({ id: m.id, body }, { onSuccess: close })}
                />
              </li>
            ) : (
              <MandateItem
                key={m.id}
                mandate={m}
                teams={teams}
                isAdmin={isAdmin}
                capability={capability}
                onEdit={() => open(m.id)}
              />
            ),
          )}
        </ul>
      )}
    </Card>
  );
}
