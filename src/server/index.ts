// Public face of server/: the operational pieces app.ts composes around the TAXII plugin.
export { SERVER_ERRORS, type ServerErrorCode } from './errors.js';
export { assertListenPolicy, isLoopbackHost, type ListenPlan } from './listen-policy.js';
export { loadTlsOptions, type TlsFiles } from './tls.js';
export { certificateOrgOf } from './client-certificate.js';
export { createMetrics, installMetrics, installSyncGauges, type Metrics, type SyncGaugeRow } from './metrics.js';
export { installHealth } from './health.js';
export { withSharedErrorBody } from './openapi.js';
