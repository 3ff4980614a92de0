import { configFields, z } from '@strata/common';

/** Config keys every partition-layer process shares. */
export const etcdConfig = {
  etcd: configFields.addresses().default(['127.0.0.1:2379']),
  etcdPrefix: configFields.etcdPrefix().default('/strata'),
  logLevel: configFields.logLevel(),
};

export { z, configFields };
