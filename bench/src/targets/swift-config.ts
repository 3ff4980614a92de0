/** The storage nodes: each runs an object, a container and an account server with one device. */
export const SWIFT_NODE_COUNT = 3;
/** Every ring keeps this many replicas: one on each node. */
export const SWIFT_REPLICAS = 3;
/** 2^8 partitions per ring: plenty for three devices (Swift's guide asks for ~100 per device). */
export const SWIFT_PART_POWER = 8;
export const SWIFT_SERVER_KINDS = ['object', 'container', 'account'] as const;
export type SwiftServerKind = (typeof SWIFT_SERVER_KINDS)[number];

/** tempauth's account and user; S3 clients use `account:user` as the access key and the password as the secret. */
export const SWIFT_ACCOUNT = 'bench';
export const SWIFT_USER = 'bench';

/** Where Swift's servers send their log lines: a UDP socket of the bench on loopback (no syslog needed). */
export interface SwiftLogSink {
  port: number;
}

const logging = (sink: SwiftLogSink): string => `log_level = WARNING
log_udp_host = 127.0.0.1
log_udp_port = ${sink.port}`;

/** swift.conf: the hash path salt (fresh per run) and the one replicated storage policy. */
export function swiftConf(options: { prefix: string; suffix: string }): string {
  return `# written by the Strata bench
[swift-hash]
swift_hash_path_prefix = ${options.prefix}
swift_hash_path_suffix = ${options.suffix}

[storage-policy:0]
name = Policy-0
default = yes
`;
}

/**
 * One storage server of one node: its device directory, loopback port, the bench's user (Swift
 * would otherwise switch to the `swift` user, which cannot write the temp dir), warnings only,
 * no per-request log line (nginx runs with its access log off too). Otherwise Swift's defaults:
 * `workers = auto` (one per core), fsync of every object before it is acknowledged.
 */
export function swiftServerConf(options: { kind: SwiftServerKind; dir: string; node: number; port: number; user: string; log: SwiftLogSink }): string {
  const { kind, dir, node, port, user, log } = options;
  return `# written by the Strata bench: ${kind} server of node ${node}
[DEFAULT]
user = ${user}
devices = ${dir}/node${node}
mount_check = false
bind_ip = 127.0.0.1
bind_port = ${port}
swift_dir = ${dir}
${logging(log)}

[pipeline:main]
pipeline = ${kind}-server

[app:${kind}-server]
use = egg:swift#${kind}
log_requests = false
`;
}

/**
 * The proxy: s3api (SigV4, presigned URLs included) in front of tempauth, memcached for tokens
 * and account/container info, as Swift's all-in-one guide sets it up minus the middlewares S3
 * does not use.
 */
export function swiftProxyConf(options: { dir: string; port: number; memcachedPort: number; user: string; secret: string; log: SwiftLogSink }): string {
  const { dir, port, memcachedPort, user, secret, log } = options;
  return `# written by the Strata bench: the proxy
[DEFAULT]
user = ${user}
bind_ip = 127.0.0.1
bind_port = ${port}
swift_dir = ${dir}
${logging(log)}

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:${memcachedPort}

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:s3api]
use = egg:swift#s3api

[filter:tempauth]
use = egg:swift#tempauth
user_${SWIFT_ACCOUNT}_${SWIFT_USER} = ${secret} .admin

[filter:copy]
use = egg:swift#copy

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo
`;
}

/**
 * Runs one Swift WSGI server as swift-*-server would, but reading swift.conf from the temp dir
 * (argv[1]) rather than /etc/swift: `python3 -c SWIFT_SERVER_MAIN DIR CONF SECTION`.
 */
export const SWIFT_SERVER_MAIN = `
import sys
from swift.common import utils
utils.set_swift_dir(sys.argv[1])
from swift.common import constraints, storage_policy
constraints.reload_constraints()
storage_policy.reload_storage_policies()
from swift.common.wsgi import run_wsgi
options = {}
if sys.argv[3] == 'object-server':
    from swift.obj import server
    options['global_conf_callback'] = server.global_conf_callback
sys.exit(run_wsgi(sys.argv[2], sys.argv[3], **options))
`;
