import type { Migration } from 'kysely';
import * as m0001 from './0001-catalog.js';
import * as m0002 from './0002-adoption.js';
import * as m0003 from './0003-search.js';
import * as m0004 from './0004-delivery.js';
import * as m0005 from './0005-integrations.js';
import * as m0006 from './0006-delivery-indexes.js';
import * as m0007 from './0007-lookup-indexes.js';
import * as m0008 from './0008-incident-links.js';
import * as m0009 from './0009-incident-trigger-known.js';
import * as m0010 from './0010-audit-log.js';
import * as m0011 from './0011-job-lease.js';
import * as m0012 from './0012-people-sessions.js';
import * as m0013 from './0013-voice.js';
import * as m0014 from './0014-surveys.js';
import * as m0015 from './0015-conversations.js';
import * as m0016 from './0016-voice-indexes.js';
import * as m0017 from './0017-shipping.js';
import * as m0021 from './0021-release-evaluations.js';

/** Every migration, in order. Names are frozen. */
export const migrations: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-adoption': m0002,
  '0003-search': m0003,
  '0004-delivery': m0004,
  '0005-integrations': m0005,
  '0006-delivery-indexes': m0006,
  '0007-lookup-indexes': m0007,
  '0008-incident-links': m0008,
  '0009-incident-trigger-known': m0009,
  '0010-audit-log': m0010,
  '0011-job-lease': m0011,
  '0012-people-sessions': m0012,
  '0013-voice': m0013,
  '0014-surveys': m0014,
  '0015-conversations': m0015,
  '0016-voice-indexes': m0016,
  '0017-shipping': m0017,
  '0021-release-evaluations': m0021,
};
