import type { ControlProps } from '../../components/Field.js';
import { useCapabilities } from '../../hooks/queries/use-capabilities.js';
import { useTeams } from '../../hooks/queries/use-teams.js';

/** A capability typed by name, offering the catalog's (first page of) capabilities as choices. */
export function CapabilityInput({
  props,
  value,
  onChange,
}: {
  props: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) {
  const capabilities = useCapabilities({});
  const listId = `${props.id}-options`;
  return (
    <>
      <input
        {...props}
        list={listId}
        value={value}
        autoComplete="off"
        placeholder="capability name"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {capabilities.items.map((c) => (
          <option key={c.ref} value={c.name}>
            {c.title ?? c.name}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** A platform team typed by name, offering the catalog's platform teams as choices. */
export function PlatformTeamInput({
  props,
  value,
  onChange,
}: {
  props: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) {
  const teams = useTeams({ kind: 'platform' });
  const listId = `${props.id}-options`;
  return (
    <>
      <input
        {...props}
        list={listId}
        value={value}
        autoComplete="off"
        placeholder="the capability's owner"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {teams.items.map((t) => (
          <option key={t.ref} value={t.name}>
            {t.title ?? t.name}
          </option>
        ))}
      </datalist>
    </>
  );
}
