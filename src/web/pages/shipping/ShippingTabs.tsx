import { useLocation } from 'react-router-dom';
import { Tabs, type TabItem } from '../../components/Tabs.js';

/** Where each tab leads, and the addresses under it. */
const TABS = [
  { label: 'Changelog', to: '/shipping', under: ['/shipping/releases'], exact: true },
  { label: "What's new", to: '/shipping/whats-new', under: [] },
  { label: 'Deprecations', to: '/shipping/deprecations', under: [] },
  { label: 'Demos', to: '/shipping/demos', under: [] },
  { label: 'Announcements', to: '/shipping/subscriptions', under: ['/shipping/feeds'] },
  { label: 'Summary', to: '/shipping/summary', under: [] },
];

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The Shipping area's sub-navigation, on every Shipping page. */
export function ShippingTabs() {
  const { pathname } = useLocation();
  const items: TabItem[] = TABS.map((t) => ({
    label: t.label,
    to: t.to,
    active: (t.exact ? pathname === t.to : isUnder(pathname, t.to)) || t.under.some((p) => isUnder(pathname, p)),
  }));
  return (
    <div className="voice-tabs">
      <Tabs items={items} label="Shipping" />
    </div>
  );
}
