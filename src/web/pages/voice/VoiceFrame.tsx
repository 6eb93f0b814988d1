import { Outlet } from 'react-router-dom';
import { VoiceTabs } from './VoiceTabs.js';

/** The Voice area's frame: its sub-navigation above whichever Voice page is open. */
export function VoiceFrame() {
  return (
    <div className="voice-frame">
      <VoiceTabs />
      <Outlet />
    </div>
  );
}
