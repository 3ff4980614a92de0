import { configFields, connectEtcd, etcdConfigFields, isStrataError, joinKey, runRole, startGrpcServer, z } from '@strata/common';
import { locationServiceProto } from '@strata/protos';
import { checkAccountName } from '../account-names.js';
import { Registry } from '../registry.js';
import { locationServiceHandlers } from '../service.js';

const schema = z.object({
  listen: configFields.address().default('127.0.0.1:0'),
  /** etcd, and the prefix of the location service's own state. */
  ...etcdConfigFields('/strata/location'),
  /** Stamp `id` keeps its state under `${stampsPrefix}/${id}`. */
  stampsPrefix: configFields.etcdPrefix().default('/strata/stamps'),
  /** When set, the stamp registered at first start, which the default account lives in. */
  defaultStamp: configFields.id().optional(),
  /** When set, an account created at first start (with fresh keys) if it does not exist. */
  defaultAccount: z.string().refine((name) => /^[a-z0-9]{3,24}$/.test(name), '3 to 24 lower-case letters and digits').optional(),
});

await runRole({
  role: 'location-service',
  schema,
  start: async ({ config, log, clock, random }) => {
    const etcd = connectEtcd(config.etcd);
    const registry = new Registry({ etcd, prefix: config.etcdPrefix, stampPrefixOf: (id) => joinKey(config.stampsPrefix, id), random, nowMs: () => clock.nowMs() });
    if (config.defaultStamp) {
      const known = (await registry.stamps()).find((stamp) => stamp.stampId === config.defaultStamp);
      if (!known) await registry.registerStamp({ stampId: config.defaultStamp, frontEndEndpoints: [] });
    }
    if (config.defaultAccount) {
      checkAccountName(config.defaultAccount);
      try {
        const account = await registry.createAccount(config.defaultAccount, config.defaultStamp);
        log.info({ account: account.name, stampId: account.homeStampId }, 'default account created');
      } catch (error) {
        if (!isStrataError(error, ['ACCOUNT_EXISTS'])) throw error;
        // Registering again completes a creation that a crash interrupted, and costs nothing otherwise.
        await registry.registerInStamp(await registry.account(config.defaultAccount));
      }
    }
    const server = await startGrpcServer({
      address: config.listen,
      services: [{ definition: locationServiceProto().LocationService.service, handlers: locationServiceHandlers(registry) }],
    });
    return {
      address: server.address,
      stop: async () => {
        await server.stop();
        etcd.close();
      },
    };
  },
});
