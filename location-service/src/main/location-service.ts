import {
  campaign,
  configFields,
  connectEtcd,
  etcdConfigFields,
  Failpoints,
  isStrataError,
  joinKey,
  leaderOf,
  registerWithLease,
  runRole,
  startGrpcServer,
  z,
  type Leadership,
  rethrowIfAssertion,
} from '@strata/common';
import { locationServiceProto } from '@strata/protos';
import { AccountManager } from '../account-manager.js';
import { buildAdminServer } from '../admin/admin-server.js';
import { DnsServer } from '../dns/dns-server.js';
import { hostOf } from '../dns/zone.js';
import { ZoneView } from '../dns/zone-view.js';
import { locationKeys, type InstanceRecord } from '../etcd-keys.js';
import type { LocationFailpoint } from '../failpoints.js';
import { DNS_TTL_SECONDS_DEFAULT, DNS_TTL_SECONDS_MAX, LEADER_LEASE_TTL_SECONDS, UTILISATION_MAX_DEFAULT } from '../limits.js';
import { LocationStore } from '../location-store.js';
import { S3AccountEraser } from '../s3-account-eraser.js';
import { locationServiceHandlers } from '../service.js';

const DOMAIN = /^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const schema = z.object({
  /** This instance's id, unique among the location service's instances (names its NS record). */
  instanceId: configFields.id().default('ls-1'),
  /** The gRPC endpoint (stamps report here). */
  listen: configFields.address().default('127.0.0.1:0'),
  /** The admin HTTP API. */
  adminListen: configFields.address().default('127.0.0.1:0'),
  /** The DNS responder, UDP and TCP on the same port. */
  dnsListen: configFields.address().default('127.0.0.1:0'),
  /** The zone the responder is authoritative for: accounts are `{account}.{domain}`. */
  domain: z.string().regex(DOMAIN, 'expected a lower-case DNS name like strata.test').default('strata.test'),
  dnsTtlSeconds: z.coerce.number().int().min(0).max(DNS_TTL_SECONDS_MAX).default(DNS_TTL_SECONDS_DEFAULT),
  /** Stamps above this fraction of their capacity take no new accounts. */
  utilisationMax: z.coerce.number().min(0).max(1).default(UTILISATION_MAX_DEFAULT),
  /** etcd, and the prefix of the location service's own state. */
  ...etcdConfigFields('/strata/location'),
  /** Stamp `id` keeps its state under `${stampsPrefix}/${id}`. */
  stampsPrefix: configFields.etcdPrefix().default('/strata/stamps'),
  /** When set, the stamp registered at first start, which the default account lives in. */
  defaultStamp: configFields.id().optional(),
  /** When set, an account created at first start (with fresh keys) if it does not exist. */
  defaultAccount: z
    .string()
    .refine((name) => /^[a-z0-9]{3,24}$/.test(name), '3 to 24 lower-case letters and digits')
    .optional(),
  /** The admin API's bearer token; give it through STRATA_ADMIN_TOKEN rather than a flag, which other users can see. */
  adminToken: z.string().min(16, 'expected at least 16 characters'),
});

await runRole({
  role: 'location-service',
  schema,
  start: async ({ config, log, clock, random }) => {
    const etcd = connectEtcd(config.etcd);
    const keys = locationKeys(config.etcdPrefix);
    const store = new LocationStore({ etcd, prefix: config.etcdPrefix, stampPrefixOf: (id) => joinKey(config.stampsPrefix, id) });
    const failpoints = new Failpoints<LocationFailpoint>(process.env.STRATA_FAILPOINTS);
    const manager = new AccountManager({
      store,
      eraser: new S3AccountEraser({ clock, log }),
      failpoints,
      random,
      clock,
      utilisationMax: config.utilisationMax,
      log,
    });
    await createDefaults({ store, manager, config, log });
    const zone = await ZoneView.open({ etcd, prefix: config.etcdPrefix, domain: config.domain, ttlSeconds: config.dnsTtlSeconds, log });
    const dnsPort = Number(config.dnsListen.slice(config.dnsListen.lastIndexOf(':') + 1));
    const dns = await DnsServer.start({ host: hostOf(config.dnsListen), port: dnsPort, zone: () => zone.snapshot(), log });
    const election: { leadership?: Leadership } = {};
    const isLeader = (): boolean => election.leadership?.isLeader() ?? false;
    const grpc = await startGrpcServer({
      address: config.listen,
      services: [{ definition: locationServiceProto().LocationService.service, handlers: locationServiceHandlers({ manager, store, clock, isLeader }) }],
    });
    const admin = buildAdminServer({
      manager,
      store,
      token: config.adminToken,
      domain: config.domain,
      instanceId: config.instanceId,
      log,
      leadership: { isLeader, leaderUrl: () => leaderOf(etcd, keys.leaderElection) },
    });
    const adminPort = Number(config.adminListen.slice(config.adminListen.lastIndexOf(':') + 1));
    await admin.listen({ host: hostOf(config.adminListen), port: adminPort });
    const bound = admin.server.address();
    const adminUrl = `http://${typeof bound === 'object' && bound ? (bound.family === 'IPv6' ? `[${bound.address}]:${bound.port}` : `${bound.address}:${bound.port}`) : config.adminListen}`;
    const instance: InstanceRecord = { instanceId: config.instanceId, dns: dns.address, admin: adminUrl };
    const registration = await registerWithLease({
      client: etcd,
      key: keys.instance(config.instanceId),
      value: JSON.stringify(instance),
      ttlSeconds: LEADER_LEASE_TTL_SECONDS,
      log,
    });
    election.leadership = campaign({ client: etcd, name: keys.leaderElection, value: adminUrl, ttlSeconds: LEADER_LEASE_TTL_SECONDS, log });
    return {
      address: grpc.address,
      info: { instanceId: config.instanceId, admin: adminUrl, dns: dns.address, domain: config.domain },
      stop: async () => {
        await election.leadership?.resign();
        await registration.close();
        await admin.close();
        await grpc.stop();
        await dns.close();
        await zone.close();
        etcd.close();
      },
    };
  },
});

/** The default stamp and account of a fresh local stamp; repeating it is harmless, and completes a creation a crash cut short. */
async function createDefaults(options: {
  store: LocationStore;
  manager: AccountManager;
  config: { defaultStamp?: string | undefined; defaultAccount?: string | undefined };
  log: import('@strata/common').Logger;
}): Promise<void> {
  const { store, manager, config, log } = options;
  if (config.defaultStamp && !(await store.stamp(config.defaultStamp))) {
    await store.putStamp({ stampId: config.defaultStamp, frontEndEndpoints: [], capacityBytes: 0, usedBytes: 0, reportedMs: 0 });
  }
  if (!config.defaultAccount) return;
  try {
    const account = await manager.create({ name: config.defaultAccount, ...(config.defaultStamp ? { stampId: config.defaultStamp } : {}) });
    log.info({ account: account.name, stampId: account.homeStampId }, 'default account ready');
  } catch (error) {
    rethrowIfAssertion(error);
    if (!isStrataError(error, ['ACCOUNT_EXISTS', 'ACCOUNT_BUSY'])) throw error;
  }
}
