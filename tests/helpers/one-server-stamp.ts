import type { ManualClock } from '@strata/common/testing';
import { waitFor } from '@strata/common/testing';
import { InProcessStamp } from './in-process-stamp.js';
import { PartitionTestClient, QUIET_MANAGER, startCapturedServer, type CapturedServer } from './partition-in-process.js';

/**
 * The partition layer's component-test fixture: an in-process stamp whose partitions one
 * partition server, ps-1, serves (the manager never moves or splits them by itself), and a
 * client. `stop`, in the test file's afterEach, ends whatever a test started, whether it passed
 * or not.
 */
export class OneServerStamp {
  private started: { stamp: InProcessStamp; client?: PartitionTestClient } | undefined;
  private current: CapturedServer | undefined;

  /** A stamp (on `clock`, if given) with ps-1 serving (with `serverArgs`) and a client; `container` created if named. */
  async start(options: { clock?: ManualClock; serverArgs?: string[]; container?: string } = {}): Promise<PartitionTestClient> {
    const stamp = await InProcessStamp.start({
      partitionManagers: 1,
      args: { 'partition-manager': QUIET_MANAGER },
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.started = { stamp };
    await this.serve(options.serverArgs);
    const client = await PartitionTestClient.open(stamp);
    this.started.client = client;
    if (options.container) await client.client.createContainer({ account: client.account, container: options.container });
    return client;
  }

  /** Starts ps-1 (stopping it first if it runs: a reload from its streams) and waits until it serves a partition and is ready. */
  async serve(args: string[] = []): Promise<CapturedServer> {
    await this.current?.stop();
    this.current = undefined;
    const server = await startCapturedServer(this.stamp, 'ps-1', args);
    this.current = server;
    await waitFor('ps-1 to serve its partitions', () => server.running.readiness?.() === undefined && server.log.find('partition serving').length > 0, {
      timeoutMs: 20_000,
    });
    return server;
  }

  get stamp(): InProcessStamp {
    if (!this.started) throw new Error('the stamp is not started');
    return this.started.stamp;
  }

  get server(): CapturedServer {
    if (!this.current) throw new Error('ps-1 is not running');
    return this.current;
  }

  get client(): PartitionTestClient {
    if (!this.started?.client) throw new Error('no client: the stamp is not started');
    return this.started.client;
  }

  async stop(): Promise<void> {
    await this.started?.client?.close();
    await this.current?.stop();
    await this.started?.stamp.stop();
    this.started = this.current = undefined;
  }
}
