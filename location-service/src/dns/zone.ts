/** What the DNS responder answers from: one consistent view of the zone. */
export interface ZoneSnapshot {
  /** The zone's apex, lower-case, without the trailing dot (e.g. `strata.test`). */
  domain: string;
  ttlSeconds: number;
  /** The SOA serial: grows whenever the location service's state changes. */
  serial: number;
  /** The zone's name servers (names inside the zone) and their addresses, for NS answers and glue. */
  nameServers: readonly NameServer[];
  /** The front-end addresses (IPv4 and IPv6 literals) of an active account's stamp; undefined when no such account is active. */
  accountAddresses(account: string): readonly string[] | undefined;
}

export interface NameServer {
  name: string;
  addresses: readonly string[];
}

/** The host part of `host:port` or `[v6]:port`, without brackets. */
export function hostOf(endpoint: string): string {
  const separator = endpoint.lastIndexOf(':');
  return (separator < 0 ? endpoint : endpoint.slice(0, separator)).replace(/^\[|\]$/g, '');
}
