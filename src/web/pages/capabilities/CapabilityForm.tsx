import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Capability } from '../../api/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCapability } from '../../hooks/queries/use-capability.js';
import { useCreateCapability } from '../../hooks/queries/use-create-capability.js';
import { useIsAdmin } from '../../hooks/queries/use-me.js';
import { useUpdateCapability } from '../../hooks/queries/use-update-capability.js';
import { entityPath } from '../../lib/refs.js';
import { CapabilityFields } from './CapabilityFields.js';
import { emptyDraft, toCreate, toDraft, toPatch } from './form-model.js';

/** /capabilities/new and /capabilities/:name/edit: the platform team's form. */
export function CapabilityFormPage() {
  const { name } = useParams();
  const namespace = useSearchParams()[0].get('namespace') ?? 'default';
  const isAdmin = useIsAdmin();
  const back = name
    ? { to: entityPath('capability', name, namespace) ?? '/capabilities', label: name }
    : { to: '/capabilities', label: 'Capabilities' };

  if (!isAdmin) {
    return (
      <div className="page">
        <PageHeader title={name ? 'Edit capability' : 'New capability'} back={back} />
        <EmptyState title="Only the platform team can change capabilities">
          <p>Your role is read-only here. Ask an admin if something needs to change.</p>
        </EmptyState>
      </div>
    );
  }
  return name ? <EditCapability name={name} namespace={namespace} back={back} /> : <CreateCapability back={back} />;
}

function CreateCapability({ back }: { back: { to: string; label: string } }) {
  const navigate = useNavigate();
  const create = useCreateCapability();
  return (
    <div className="page page-narrow">
      <PageHeader title="New capability" subtitle="Something the platform offers its customer teams." back={back} />
      <CapabilityFields
        initial={emptyDraft()}
        creating
        pending={create.isPending}
        error={create.error}
        cancelTo={back.to}
        onSubmit={(draft) =>
          create.mutate(toCreate(draft), {
            onSuccess: (d) =>
              navigate(entityPath('capability', d.capability.name, d.capability.namespace) ?? '/capabilities'),
          })
        }
      />
    </div>
  );
}

function EditCapability({
  name,
  namespace,
  back,
}: {
  name: string;
  namespace: string;
  back: { to: string; label: string };
}) {
  const query = useCapability(name, namespace);
  return (
    <div className="page page-narrow">
      <PageHeader title={query.data ? `Edit ${query.data.capability.title || name}` : 'Edit capability'} back={back} />
      {query.isPending ? (
        <Loading count={8} label="Loading the capability" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="the capability" />
      ) : (
        <EditForm
          key={query.data.capability.updatedAt}
          capability={query.data.capability}
          namespace={namespace}
          back={back}
        />
      )}
    </div>
  );
}

function EditForm({
  capability,
  namespace,
  back,
}: {
  capability: Capability;
  namespace: string;
  back: { to: string; label: string };
}) {
  const navigate = useNavigate();
  const update = useUpdateCapability(capability.name, namespace);
  const before = toDraft(capability);
  return (
    <CapabilityFields
      initial={before}
      creating={false}
      pending={update.isPending}
      error={update.error}
      cancelTo={back.to}
      onSubmit={(draft) => {
        const patch = toPatch(draft, before);
        if (Object.keys(patch).length === 0) return navigate(back.to);
        update.mutate(patch, { onSuccess: () => navigate(back.to) });
      }}
    />
  );
}
