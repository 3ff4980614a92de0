/** How the load generator reaches one object on a server: a path on `origin`, signed before any timing starts. */
export interface ObjectRequest {
  path: string;
  /** Headers the server needs besides Content-Length (e.g. Azure's x-ms-blob-type). */
  headers: Record<string, string>;
}

/** One page of a key listing: how many keys it held and where the next page starts. */
export interface ListPage {
  keys: number;
  continuationToken?: string;
}

/** A server under test, started and ready, with everything signed ahead of the timed loops. */
export interface RunningTarget {
  /** Short name in tables and JSON: strata, ceph, swift, azurite, s3rver, nginx. */
  name: string;
  /** What was started, in one line (version, layout). */
  description: string;
  /** What has happened to a PUT's bytes when the server acknowledges it: copies, and whether they were synced to disk. */
  durability: string;
  /** scheme://host:port the requests go to (loopback). */
  origin: string;
  /** Requests that store `keys` with a PUT, made before the loop (presigned URLs, a SAS). */
  putRequests(keys: string[]): Promise<ObjectRequest[]>;
  /** Requests that read `keys` with a GET, made before the loop. */
  getRequests(keys: string[]): Promise<ObjectRequest[]>;
  /** ListObjectsV2 one page under `prefix`; absent on servers without a listing to compare. */
  listPage?(options: { prefix: string; continuationToken?: string }): Promise<ListPage>;
  /** The server's own processes (for peak RSS), labelled by role. */
  processes(): { label: string; pid: number }[];
  /** Anything that went wrong with the server itself during the run (a role process exited). */
  problems?(): string[];
  /** Stops every process it started and removes its temp directory. */
  stop(): Promise<void>;
}

/** Starts one server on loopback in a fresh temp directory. */
export interface TargetFactory {
  name: string;
  start(options: { env?: Record<string, string> }): Promise<RunningTarget>;
}
