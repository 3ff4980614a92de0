import { Etcd3 } from 'etcd3';

export { Etcd3 };

/** A client of the stamp's etcd cluster. */
export function connectEtcd(endpoints: readonly string[]): Etcd3 {
  return new Etcd3({
    hosts: endpoints.map((endpoint) => (endpoint.includes('://') ? endpoint : `http://${endpoint}`)),
    dialTimeout: 5_000,
  });
}

/** Joins key parts with "/": joinKey('/strata', 'en', 'nodes') = '/strata/en/nodes'. */
export function joinKey(...parts: string[]): string {
  return parts.map((part, i) => (i === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, ''))).join('/');
}
