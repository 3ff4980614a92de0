import type { S3Presigner } from './s3-presigner.js';
import type { ServerProcess } from './server-process.js';
import type { RunningTarget } from './target.js';
import { removeTempDir } from './temp-dir.js';

/**
 * A peer made of several server processes in one temp dir (Ceph's daemons, Swift's servers):
 * what the RSS sampler and `problems()` look at, and what `stop()` ends, in the order the peer
 * needs.
 */
export abstract class ServerCluster {
  readonly processes: { label: string; server: ServerProcess }[] = [];

  constructor(
    /** The peer's name in problem lines. */
    readonly peer: string,
    readonly dir: string,
  ) {}

  /** Stops every process started so far. */
  abstract stop(): Promise<void>;

  /** Processes that died while the bench ran. */
  problems(): string[] {
    return this.processes.flatMap((p) => {
      const how = p.server.exited();
      return how ? [`${this.peer} ${p.label} exited (${how}): ${p.server.output().slice(-300)}`] : [];
    });
  }

  /**
   * Builds the cluster with `build` and answers it as a running target reached through presigned
   * URLs; if anything fails, what was started is stopped and the temp dir removed.
   */
  async run(build: () => Promise<{ presigner: S3Presigner } & Pick<RunningTarget, 'name' | 'description' | 'durability' | 'origin'>>): Promise<RunningTarget> {
    const end = async (): Promise<void> => {
      await this.stop();
      await removeTempDir(this.dir);
    };
    try {
      const { presigner, ...target } = await build();
      return {
        ...target,
        putRequests: (keys) => presigner.requests('PUT', keys),
        getRequests: (keys) => presigner.requests('GET', keys),
        processes: () => this.processes.map((p) => ({ label: p.label, pid: p.server.pid })),
        problems: () => this.problems(),
        stop: end,
      };
    } catch (error) {
      await end();
      throw error;
    }
  }
}
