/**
 * The location service's public surface: the account directory front-ends authenticate
 * against, the typed clients of its gRPC and admin APIs, and the reporter stamps run.
 */
export { AccountDirectory, type AccountCredential } from './client/account-directory.js';
export { LocationClient } from './client/location-client.js';
export { AdminClient, type DeleteResult } from './client/admin-client.js';
export { StampReporter, type StampUsage } from './client/stamp-reporter.js';
export type { AccountView, StampView } from './admin/views.js';
export { LOCATION_ERROR_CODES, LOCATION_ERROR_STATUS, LOCATION_ERROR_HTTP_STATUS, LocationError, type LocationErrorCode } from './errors.js';
export { checkAccountName } from './account-names.js';
export { STAMP_REPORT_INTERVAL_MS_DEFAULT, UTILISATION_MAX_DEFAULT, DNS_TTL_SECONDS_DEFAULT } from './limits.js';
