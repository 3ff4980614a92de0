/** The RGW user's name; its keys are made fresh for every run. */
export const CEPH_RGW_CLIENT = 'client.rgw.bench';
/** The OSDs of the cluster: one per replica, all on this host. */
export const CEPH_OSD_COUNT = 3;
/**
 * Each OSD's BlueStore block file: sparse, so only what is written takes disk space. A full run
 * writes about 1.5 GiB per OSD (every OSD holds a replica of everything).
 */
export const CEPH_BLOCK_BYTES = 20 * 1024 ** 3;
/**
 * Each OSD's memory target. Ceph's default is 4 GiB per OSD; three of them would take half of a
 * 24 GiB machine that other work shares. Every object is read once per phase (except the hot
 * keys, 4 MiB in all), so BlueStore's cache size barely matters to the bench.
 */
export const CEPH_OSD_MEMORY_TARGET_BYTES = 1024 ** 3;
/**
 * Placement groups per pool, fixed (the autoscaler off), so no PG split or merge happens while
 * the bench measures. RGW creates about seven pools: 7 × 32 × 3 replicas / 3 OSDs = 224 PGs per
 * OSD, under the monitor's limit of 250.
 */
export const CEPH_PG_PER_POOL = 32;

/**
 * ceph.conf of a one-host cluster in `dir`: one mon, one mgr, three BlueStore OSDs on sparse
 * files, one RGW (beast), all on 127.0.0.1, every pool size 3 / min_size 2, CRUSH choosing
 * OSDs rather than hosts (there is one host). cephx on, as Ceph ships; otherwise Ceph's defaults.
 */
export function cephConfig(options: { dir: string; fsid: string; monPort: number; rgwPort: number }): string {
  const { dir, fsid, monPort, rgwPort } = options;
  return `# written by the Strata bench: a one-host Ceph cluster on loopback
[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
public addr = 127.0.0.1
public network = 127.0.0.0/8
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
keyring = ${dir}/keyring
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
osd pool default size = 3
osd pool default min size = 2
osd crush chooseleaf type = 0
osd pool default pg autoscale mode = off
osd pool default pg num = ${CEPH_PG_PER_POOL}
osd pool default pgp num = ${CEPH_PG_PER_POOL}
mon data avail warn = 1
mon data avail crit = 0

[mon]
mon data = ${dir}/mon.$id

[mgr]
mgr data = ${dir}/mgr.$id
keyring = ${dir}/mgr.$id/keyring

[osd]
osd data = ${dir}/osd.$id
keyring = ${dir}/osd.$id/keyring
osd objectstore = bluestore
bluestore block path = ${dir}/osd.$id.block
bluestore block create = true
bluestore block size = ${CEPH_BLOCK_BYTES}
bluestore fsck on mkfs = false
osd memory target = ${CEPH_OSD_MEMORY_TARGET_BYTES}

[${CEPH_RGW_CLIENT}]
keyring = ${dir}/rgw/keyring
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
`;
}
