import type { Clock } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { blobPrefixKey, checkName, containerKey, parseKey, prefixEnd } from '../../keys.js';
import { containerRecordCodec } from '../../records.js';
import type { IndexStore } from '../commit/index-store.js';
import { listContainers, type PartitionBounds } from '../listing.js';
import type { UploadsDeps } from '../uploads/partition-uploads.js';
import { checkHeaderValue, checkPublicAccess, checkVersioningChange } from './container-settings.js';
import { CONTAINER_TAGS_MAX } from '../../limits.js';
import { checkTags } from '../tags/check-tags.js';

/** What a partition's containers need from it. */
export interface ContainersDeps {
  index: IndexStore;
  commit: UploadsDeps['commit'];
  bounds: PartitionBounds;
  clock: Clock;
}

/**
 * The container records of one partition. A container whose blobs run across partitions has
 * its record in the partition holding its key and a copy in each later part (README,
 * invariant 6); deleting it is done part by part by the client, each part checked empty here.
 */
export class PartitionContainers {
  constructor(private readonly deps: ContainersDeps) {}

  async create(account: string, container: string): Promise<partitionV1.ContainerInfo> {
    checkName('account', account);
    checkName('container', container);
    const key = containerKey(account, container);
    const createdMs = this.deps.clock.nowMs();
    return this.deps.commit(async (view) => {
      const existing = await view.get(key);
      if (existing) throw new PartitionError('CONTAINER_EXISTS', `container ${container} exists`);
      return { mutations: [{ key, value: containerRecordCodec.encode({ createdMs }) }], result: { account, container, createdMs } };
    });
  }

  /**
   * Deletes a container that holds no blob. Its incomplete multipart uploads (and their
   * parts) go with it, as in S3.
   */
  async delete(account: string, container: string): Promise<void> {
    const key = containerKey(account, container);
    const blobs = blobPrefixKey(account, container);
    const end = prefixEnd(blobs)!;
    await this.deps.commit(async (view) => {
      if (!(await view.get(key))) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
      if (await view.any({ gte: blobs, lt: end }, (k) => parseKey(k).kind === 'blob'))
        throw new PartitionError('CONTAINER_NOT_EMPTY', `container ${container} holds blobs`);
      return {
        mutations: [
          { key, delete: true },
          { key: blobs, delete: true, deleteRangeEnd: end },
        ],
        result: undefined,
      };
    });
  }

  async get(account: string, container: string): Promise<partitionV1.ContainerInfo> {
    const value = await this.deps.index.get(containerKey(account, container));
    if (!value) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
    const record = containerRecordCodec.decode(value);
    return { account, container, createdMs: record.createdMs, properties: record.properties ?? {} };
  }

  /** Replaces the named fields of a container's properties (see SetContainerPropertiesRequest). */
  async setProperties(request: partitionV1.SetContainerPropertiesRequest__Output): Promise<partitionV1.ContainerInfo> {
    const { account, container } = request;
    const key = containerKey(account, container);
    const given: Partial<partitionV1.ContainerProperties__Output> = request.properties ?? {};
    return this.deps.commit(async (view) => {
      const value = await view.get(key);
      if (!value) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
      const record = containerRecordCodec.decode(value);
      const properties: partitionV1.ContainerProperties = { ...(record.properties ?? {}) };
      for (const field of request.fields) {
        if (field === 'cors_rules') properties.corsRules = given.corsRules ?? [];
        else if (field === 'public_access') properties.publicAccess = checkPublicAccess(given.publicAccess ?? '');
        else if (field === 'default_cache_control') properties.defaultCacheControl = checkHeaderValue(given.defaultCacheControl ?? '');
        else if (field === 'tags') properties.tags = checkTags(given.tags ?? [], CONTAINER_TAGS_MAX);
        else if (field === 'versioning') properties.versioning = checkVersioningChange(record.properties?.versioning ?? '', given.versioning ?? '');
        else throw new PartitionError('INVALID_ARGUMENT', `no container property ${field}`);
      }
      const updated = { createdMs: record.createdMs, properties };
      return { mutations: [{ key, value: containerRecordCodec.encode(updated) }], result: { account, container, ...updated } };
    });
  }

  list(request: { account: string; startAfter: string; maxResults: number }): ReturnType<typeof listContainers> {
    return listContainers(this.deps.index, this.deps.bounds, request);
  }
}
