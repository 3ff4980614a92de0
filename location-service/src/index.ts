/**
 * The location service's public surface: the account directory front-ends authenticate
 * against, and the typed client of the service.
 */
export { AccountDirectory, type AccountCredential } from './client/account-directory.js';
export { LocationClient } from './client/location-client.js';
export { LOCATION_ERROR_CODES, LOCATION_ERROR_STATUS, LocationError, type LocationErrorCode } from './errors.js';
export { checkAccountName } from './account-names.js';
