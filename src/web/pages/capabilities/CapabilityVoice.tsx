import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { useAdministers } from '../../hooks/queries/use-me.js';
import { CapabilityBugs } from './CapabilityBugs.js';
import { CapabilityRequests } from './CapabilityRequests.js';
import { CapabilitySla } from './CapabilitySla.js';
import { CapabilitySurveys } from './CapabilitySurveys.js';

/** The capability page's Voice: its bugs and SLA, the requests on it, and its CSAT across survey waves. */
export function CapabilityVoice({ name, ownerRef }: { name: string; ownerRef: string | null }) {
  const canEdit = useAdministers(ownerRef);
  return (
    <Card
      title="Voice"
      className="capability-voice"
      actions={
        <Link className="button button-small" to={`/voice/service?capability=${encodeURIComponent(name)}`}>
          Bugs and support
        </Link>
      }
    >
      <div className="stack">
        <CapabilityBugs name={name} />
        <div className="grid-2">
          <CapabilitySla name={name} canEdit={canEdit} />
          <CapabilityRequests name={name} />
        </div>
        <CapabilitySurveys name={name} />
      </div>
    </Card>
  );
}
