import { Outlet } from 'react-router-dom';
import { ShippingTabs } from './ShippingTabs.js';

/** The Shipping area's frame: its sub-navigation above whichever Shipping page is open. */
export function ShippingFrame() {
  return (
    <div className="voice-frame">
      <ShippingTabs />
      <Outlet />
    </div>
  );
}
