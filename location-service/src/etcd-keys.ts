import { joinKey } from '@strata/common';

/**
 * The location service's own state, under its prefix (global, spanning stamps):
 *
 *   accounts/<name>          an account (JSON locationV1.AccountInfo, with its state)
 *   stamps/<stampId>         a stamp and its last report (JSON locationV1.StampInfo)
 *   instances/<instanceId>   a live location-service instance (JSON InstanceRecord, under a lease)
 *   leader                   the leader election; its value is the leader's admin URL
 */
export function locationKeys(prefix: string) {
  return {
    accounts: joinKey(prefix, 'accounts') + '/',
    account: (name: string) => joinKey(prefix, 'accounts', name),
    stamps: joinKey(prefix, 'stamps') + '/',
    stamp: (stampId: string) => joinKey(prefix, 'stamps', stampId),
    instances: joinKey(prefix, 'instances') + '/',
    instance: (instanceId: string) => joinKey(prefix, 'instances', instanceId),
    leaderElection: joinKey(prefix, 'leader'),
  };
}

/** A live location-service instance: where its DNS responder and admin API listen. */
export interface InstanceRecord {
  instanceId: string;
  /** host:port of the DNS responder (UDP and TCP). */
  dns: string;
  /** Base URL of the admin API. */
  admin: string;
}

/**
 * A stamp's configuration of the accounts it serves, under the stamp's prefix; the location
 * service writes it, the stamp's front-ends read it:
 *
 *   accounts/<name>          JSON locationV1.AccountInfo (name and the keys to accept)
 */
export function stampAccountKeys(stampPrefix: string) {
  return {
    accounts: joinKey(stampPrefix, 'accounts') + '/',
    account: (name: string) => joinKey(stampPrefix, 'accounts', name),
  };
}
