import type { Clock } from '@strata/common';
import { isStrataError, rethrowIfAssertion } from '@strata/common';
import type { PartitionClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';

/**
 * How long a front-end answers from a container's settings (CORS rules, public access) before
 * it asks the partition layer again: a change reaches every front-end within this time, and a
 * busy public container costs one index read per front-end per period, not one per request.
 */
export const CONTAINER_SETTINGS_TTL_MS = 2_000;

type Settings = partitionV1.ContainerProperties__Output;

/**
 * A short-lived cache of container settings, for what every request of a container may need
 * (CORS headers, anonymous access) but that changes rarely. A front-end that changes settings
 * drops its own entry at once; the others see the change within the TTL.
 */
export class ContainerSettingsCache {
  private readonly entries = new Map<string, { atMs: number; settings: Promise<Settings | undefined> }>();

  constructor(
    private readonly partitions: PartitionClient,
    private readonly clock: Clock,
  ) {}

  /** The container's settings, or undefined when it does not exist. */
  get(account: string, container: string, requestId?: string): Promise<Settings | undefined> {
    const key = `${account}\0${container}`;
    const now = this.clock.nowMs();
    const cached = this.entries.get(key);
    if (cached && now - cached.atMs < CONTAINER_SETTINGS_TTL_MS) return cached.settings;
    const settings = this.partitions.getContainer({ account, container }, requestId).then(
      (info) => info.properties ?? emptySettings(),
      (error: unknown) => {
        rethrowIfAssertion(error);
        if (isStrataError(error, ['NO_SUCH_CONTAINER'])) return undefined;
        this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, { atMs: now, settings });
    if (this.entries.size > ENTRIES_MAX) this.entries.delete(this.entries.keys().next().value!);
    return settings;
  }

  forget(account: string, container: string): void {
    this.entries.delete(`${account}\0${container}`);
  }
}

/** Containers whose settings a front-end keeps at once; the oldest entry goes first. */
const ENTRIES_MAX = 10_000;

function emptySettings(): Settings {
  return { corsRules: [], publicAccess: '', defaultCacheControl: '', tags: [], versioning: '' };
}
