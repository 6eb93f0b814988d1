// The demos' shapes, from the server's contract (types only).
export type {
  AttendanceImportResult,
  CapabilityDemos,
  Demo,
  DemoConversion,
  DemoCreate,
  PooledConversion,
} from '../../modules/shipping/demos/contract.js';
