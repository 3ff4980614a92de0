import { rethrowIfAssertion } from '@strata/common';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LaunchError } from './launch-error.js';

/** Fails with one line saying how to install etcd when the `etcd` binary is not on PATH. */
export function requireEtcdBinary(): void {
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'etcd'), constants.X_OK);
      return true;
    } catch (error) {
      rethrowIfAssertion(error);
      return false;
    }
  });
  if (!found) {
    throw new LaunchError('etcd not found on PATH; install it: Debian/Ubuntu `sudo apt-get install etcd-server`, macOS `brew install etcd`');
  }
}
