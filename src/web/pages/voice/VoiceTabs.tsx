import { useLocation } from 'react-router-dom';
import { Tabs, type TabItem } from '../../components/Tabs.js';
import { useMe } from '../../hooks/queries/use-me.js';

/** Where each tab leads, and the addresses under it (the item lists sit under the tab their kind is triaged in). */
const TAIL = [
  { label: 'Give feedback', to: '/voice/new', under: ['/voice/new'] },
  { label: 'Problems', to: '/voice/problems', under: ['/voice/problems'] },
  { label: 'Backlog', to: '/voice/backlog', under: ['/voice/backlog'] },
  { label: 'Roadmap', to: '/voice/roadmap', under: ['/voice/roadmap'] },
  { label: 'Bugs and support', to: '/voice/service', under: ['/voice/service', '/voice/bugs', '/voice/support'] },
  { label: 'Contact', to: '/voice/contact', under: ['/voice/contact'] },
  { label: 'Surveys', to: '/voice/surveys', under: ['/voice/surveys'] },
];

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The Voice area's sub-navigation, on every Voice page. A platform team's member starts at the triage inbox; a
 * customer team's member at their own team's items and what the roadmap answers for them.
 */
export function VoiceTabs() {
  const { pathname } = useLocation();
  const platform = useMe().data?.role === 'admin';
  const first = platform
    ? { label: 'Inbox', to: '/voice/inbox', under: ['/voice/inbox', '/voice/pains', '/voice/requests'] }
    : { label: 'My team', to: '/voice/team', under: ['/voice/team', '/voice/pains', '/voice/requests'] };
  const items: TabItem[] = [first, ...TAIL].map((t) => ({
    label: t.label,
    to: t.to,
    active: t.under.some((prefix) => isUnder(pathname, prefix)),
  }));
  return (
    <div className="voice-tabs">
      <Tabs items={items} label="Voice of the customer" />
    </div>
  );
}
