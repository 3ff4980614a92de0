import { LocationError } from './errors.js';

/** Azure's account name rule: 3 to 24 lower-case letters and digits (it becomes a DNS label). */
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

export function checkAccountName(name: string): void {
  if (!ACCOUNT_NAME.test(name)) {
    throw new LocationError('INVALID_ACCOUNT_NAME', `account names are 3 to 24 lower-case letters and digits, not ${JSON.stringify(name)}`);
  }
}
