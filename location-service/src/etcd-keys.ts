import { joinKey } from '@strata/common';

/**
 * The location service's own state, under its prefix (global, spanning stamps):
 *
 *   accounts/<name>          an account (JSON locationV1.AccountInfo)
 *   access-keys/<keyId>      access key id → account name
 *   stamps/<stampId>         a stamp (JSON locationV1.StampInfo)
 */
export function locationKeys(prefix: string) {
  return {
    accounts: joinKey(prefix, 'accounts') + '/',
    account: (name: string) => joinKey(prefix, 'accounts', name),
    accessKey: (keyId: string) => joinKey(prefix, 'access-keys', keyId),
    stamps: joinKey(prefix, 'stamps') + '/',
    stamp: (stampId: string) => joinKey(prefix, 'stamps', stampId),
  };
}

/**
 * A stamp's configuration of the accounts it serves, under the stamp's prefix; the location
 * service writes it, the stamp's front-ends read it:
 *
 *   accounts/<name>          JSON locationV1.AccountInfo (with its keys)
 */
export function stampAccountKeys(stampPrefix: string) {
  return {
    accounts: joinKey(stampPrefix, 'accounts') + '/',
    account: (name: string) => joinKey(stampPrefix, 'accounts', name),
  };
}
