import { useCapabilities } from '../../../hooks/queries/use-capabilities.js';
import { useTeams } from '../../../hooks/queries/use-teams.js';
import { EntitySelect } from './EntitySelect.js';
import { PeriodPicker } from './PeriodPicker.js';
import type { VoicePeriod } from './use-voice-period.js';

/** The period (quick choice, quarter or dates) and the capability and platform team of the SLA page. */
export function VoicePeriodPicker({ state }: { state: VoicePeriod }) {
  const { update } = state;
  const capabilities = useCapabilities({});
  const platformTeams = useTeams({ kind: 'platform' });
  return (
    <PeriodPicker state={state} label="Period and filters">
      <EntitySelect
        id="voice-capability"
        label="Capability"
        all="All capabilities"
        list={capabilities}
        value={state.capability}
        onChange={(v) => update({ capability: v || null })}
      />
      <EntitySelect
        id="voice-platform-team"
        label="Platform team"
        all="All platform teams"
        list={platformTeams}
        value={state.platformTeam}
        onChange={(v) => update({ platformTeam: v || null })}
      />
    </PeriodPicker>
  );
}
