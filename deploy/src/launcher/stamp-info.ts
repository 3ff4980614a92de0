import type { ProcessState } from './supervisor.js';

/** What `stamp.json` says of one process; rewritten whenever it dies, restarts or is given up on. */
export interface ProcessInfo {
  role: string;
  id: string;
  /** Its current pid; the last one while it is not running. */
  pid: number;
  /** Where it serves; a restarted process serves there again (see the README). */
  address: string;
  /** The stamp the process belongs to; absent for etcd and the location service, which serve every stamp. */
  stampId?: string;
  /** Where its probes and its background jobs' status are served (`/livez`, `/readyz`, `/workers`); absent for etcd. */
  probeAddress?: string;
  // The launcher always fills in the supervision fields below; they are optional for readers
  // of a stamp.json written before the launcher supervised its processes.
  /** What the launcher is doing about it (see ProcessState). */
  state?: ProcessState;
  /** Times the launcher restarted it by itself since the launch. */
  restarts?: number;
  /** How its last run ended, or why its last start failed. */
  lastExit?: string;
  /** When its current (or last) run became ready, ISO 8601. */
  startedAt?: string;
}

/** How to reach the location service: its admin API (any instance), the admin token, and its DNS responder. */
export interface LocationServiceInfo {
  admin: string;
  admins: string[];
  adminToken: string;
  dns: string;
  domain: string;
}

/** One stamp of the launch. */
export interface StampEntry {
  stampId: string;
  s3Endpoint: string;
  /** Every front-end of the stamp (the first is `s3Endpoint`). */
  s3Endpoints: string[];
  processes: ProcessInfo[];
}

/**
 * What `stamp.json` holds. The top-level endpoint, credentials and processes are those of a
 * single-stamp launch (the first stamp and its default account; every process); `stamps` lists
 * each stamp with its own endpoint and processes.
 */
export interface StampInfo {
  s3Endpoint: string;
  /** Every front-end of the first stamp (the first is `s3Endpoint`). */
  s3Endpoints: string[];
  region: string;
  /** The first stamp's id. */
  stampId: string;
  /** Where the stamps' etcd is and the prefix the first stamp's state lives under, for tools. */
  etcdEndpoint: string;
  etcdPrefix: string;
  account: string;
  /**
   * The Host value (`{account}.{domain}`) that addresses the default account: what a caching
   * proxy in front of the stamp sends (nginx `proxy_set_header Host`), so that anonymous
   * reads of public containers reach the right account.
   */
  accountHost: string;
  accessKeyId: string;
  secretAccessKey: string;
  processes: ProcessInfo[];
  locationService: LocationServiceInfo;
  stamps: StampEntry[];
  /** The launcher's pid: `strata status` tells a running stamp from the stamp.json a stopped one left (absent in older files). */
  launcherPid?: number;
}

/** What a caller of `Stamp.start` hears about the stamp's processes while it runs. */
export interface StampEvents {
  /** A process ended by itself or by a signal from outside the launcher (not by `stop`). */
  exited?(info: ProcessInfo, how: string): void;
  /** A process that ended was started again by the supervisor and is ready. */
  restarted?(info: ProcessInfo, report: { cause: string; restarts: number; readyAfterMs: number }): void;
  /** A restart failed; the next follows after the backoff, unless the crash-loop limit is reached. */
  restartFailed?(info: ProcessInfo, report: { error: string; inRow: number }): void;
  /** A process kept dying: `inRow` restarts in a row did not keep it up, and it is left down. */
  down?(info: ProcessInfo, report: { cause: string; inRow: number }): void;
}

/** `StampEvents`, or only what `exited` would hear (the launcher's older callback). */
export type StampListener = StampEvents | ((info: ProcessInfo, how: string) => void);
