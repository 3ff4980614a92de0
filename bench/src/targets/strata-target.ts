import { Stamp } from '@strata/deploy';
import { S3Presigner } from './s3-presigner.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import type { RunningTarget, TargetFactory } from './target.js';

const BUCKET = 'bench';

/**
 * Strata's local stamp through the launcher's public API: etcd and every role as its own
 * process, the launcher's default roles, 3 replicas, fdatasync before every acknowledgement
 * (as shipped).
 * `env` reaches every role process (the profiler passes NODE_OPTIONS=--cpu-prof this way).
 */
export const strataTarget: TargetFactory = {
  name: 'strata',
  async start({ env }): Promise<RunningTarget> {
    const dataDir = await makeTempDir('strata');
    const exits: string[] = [];
    let stamp: Stamp;
    try {
      stamp = await Stamp.start({ dataDir, s3Port: 0, replicaCount: 3, ...(env ? { env } : {}) }, (info, how) => exits.push(`${info.id} ${how}`));
    } catch (error) {
      await removeTempDir(dataDir);
      throw error;
    }
    const info = stamp.info;
    const presigner = new S3Presigner({
      origin: info.s3Endpoint,
      region: info.region,
      bucket: BUCKET,
      accessKeyId: info.accessKeyId,
      secretAccessKey: info.secretAccessKey,
    });
    try {
      await presigner.createBucket();
    } catch (error) {
      await stamp.stop();
      await removeTempDir(dataDir);
      throw error;
    }
    return {
      name: 'strata',
      description: `Strata local stamp: ${stamp.processes().filter((p) => p.role === 'extent-node').length} extent nodes${env?.NODE_OPTIONS ? ` (roles with NODE_OPTIONS=${env.NODE_OPTIONS})` : ''}`,
      durability: '3 replicas, each fdatasynced before the ack (chain replication over three extent nodes)',
      origin: info.s3Endpoint,
      putRequests: (keys) => presigner.requests('PUT', keys),
      getRequests: (keys) => presigner.requests('GET', keys),
      listPage: (options) => presigner.listPage(options),
      processes: () => stamp.processes().map((process) => ({ label: process.id, pid: process.pid })),
      problems: () => exits.map((exit) => `${exit} during the run`),
      stop: async () => {
        await stamp.stop();
        await removeTempDir(dataDir);
      },
    };
  },
};
