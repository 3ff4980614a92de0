import * as grpc from '@grpc/grpc-js';
import { toServiceError, unaryHandler } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PARTITION_ERROR_STATUS, PartitionError, type PartitionErrorCode } from '../errors.js';
import { accountKey, blobKey, checkName, containerKey } from '../keys.js';
import { LIST_RESULTS_MAX } from '../limits.js';
import type { UsagePublisher } from '../gc/usage-publisher.js';
import type { PartitionHost } from './partition-host.js';
import { mergePartitions, splitPartition, type OperationDeps } from './partition-operations.js';

/** The gRPC edge of a partition server: routes each request to its partition, maps errors. */
export function partitionServerHandlers(host: PartitionHost, operations: OperationDeps, usage: UsagePublisher): partitionV1.PartitionServerHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, PartitionErrorCode>(PARTITION_ERROR_STATUS, async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        throw toPartitionError(error);
      }
    });
  // One more than a page, so a caller can tell a full page from the last one.
  const limit = (requested: number): number => (requested > 0 ? Math.min(requested, LIST_RESULTS_MAX + 1) : LIST_RESULTS_MAX);

  return {
    CreateContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.ContainerInfo>((request) =>
      host.route(containerKey(request.account, request.container)).createContainer(request.account, request.container),
    ),
    DeleteContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.DeleteContainerResponse>(async (request) => {
      // A partition id targets a partition holding a copy of the record (the container spans partitions).
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      await partition.deleteContainer(request.account, request.container);
      return {};
    }),
    GetContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.ContainerInfo>((request) =>
      host.route(containerKey(request.account, request.container)).getContainer(request.account, request.container),
    ),
    ListContainers: unary<partitionV1.ListContainersRequest__Output, partitionV1.ListContainersResponse>(async (request) => {
      checkName('account', request.account);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(accountKey(request.account));
      return partition.listContainers({ account: request.account, startAfter: request.startAfter, maxResults: limit(request.maxResults) });
    }),
    PutBlob: (call, callback) => {
      putBlob(host, call).then(
        (info) => callback(null, info),
        (error: unknown) => callback(toServiceError(toPartitionError(error), PARTITION_ERROR_STATUS)),
      );
    },
    GetBlob: unary<partitionV1.BlobRequest__Output, partitionV1.BlobInfo>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).getBlob(request),
    ),
    DeleteBlob: unary<partitionV1.BlobRequest__Output, partitionV1.DeleteBlobResponse>(async (request) => ({
      existed: await host.route(blobKey(request.account, request.container, request.blob)).deleteBlob(request),
    })),
    ListBlobs: unary<partitionV1.ListBlobsRequest__Output, partitionV1.ListBlobsResponse>((request) => {
      checkName('account', request.account);
      checkName('container', request.container);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      return partition.listBlobs({ ...request, maxResults: limit(request.maxResults) });
    }),
    SplitPartition: unary<partitionV1.SplitPartitionRequest__Output, partitionV1.PartitionChange>((request) =>
      splitPartition(operations, host.byId(request.partitionId), request.splitKey || undefined),
    ),
    MergePartitions: unary<partitionV1.MergePartitionsRequest__Output, partitionV1.PartitionChange>((request) =>
      mergePartitions(operations, host.byId(request.leftPartitionId), host.byId(request.rightPartitionId)),
    ),
    CheckpointPartition: unary<partitionV1.CheckpointPartitionRequest__Output, partitionV1.CheckpointPartitionResponse>(async (request) => ({
      sequence: Number((await host.byId(request.partitionId).checkpoint()).sequence),
    })),
    PartitionStats: unary<partitionV1.PartitionStatsRequest__Output, partitionV1.PartitionStatsResponse>(async () => ({
      partitions: await Promise.all(
        host.loaded().map(async (partition) => ({ partitionId: partition.id, entries: await partition.entries(), operationsPerSecond: partition.operationsPerSecond() })),
      ),
    })),
    CompactPartition: unary<partitionV1.CompactPartitionRequest__Output, partitionV1.CompactPartitionResponse>(async (request) => {
      const partition = host.byId(request.partitionId);
      const result = await partition.gc.compact(request.extentIds);
      // The manager plans its next round from what the partition points into now.
      await usage.publish([partition]);
      return result;
    }),
    ReportUsage: unary<partitionV1.ReportUsageRequest__Output, partitionV1.ReportUsageResponse>(async (request) => ({
      partitions: await usage.publish(request.partitionId ? [host.byId(request.partitionId)] : host.loaded()),
    })),
  } satisfies partitionV1.PartitionServerHandlers;
}

type PutBlobCall = grpc.ServerReadableStream<partitionV1.PutBlobRequest__Output, partitionV1.BlobInfo>;

/**
 * One header, data, one commit, then the end of the call. The blob is recorded only after the
 * call ends cleanly with a commit; a cancelled or malformed call stores nothing.
 */
async function putBlob(host: PartitionHost, call: PutBlobCall): Promise<partitionV1.BlobInfo> {
  call.on('cancelled', () => call.destroy(new PartitionError('UNAVAILABLE', 'the front-end cancelled the upload')));
  let header: partitionV1.PutBlobHeader__Output | undefined;
  let started: { partition: ReturnType<PartitionHost['route']>; upload: ReturnType<ReturnType<PartitionHost['route']>['startUpload']> } | undefined;
  let commit: partitionV1.PutBlobCommit__Output | undefined;
  try {
    // Leaving the loop early (a refused header) must not destroy the call: the error still has
    // to go back on it as the call's status.
    for await (const message of call.iterator({ destroyOnReturn: false }) as AsyncIterable<partitionV1.PutBlobRequest__Output>) {
      if (commit) throw new PartitionError('INVALID_ARGUMENT', 'a message after the commit');
      if (message.part === 'header' && message.header && !header) {
        header = message.header;
        const partition = host.route(blobKey(header.account, header.container, header.blob));
        await partition.checkUpload(header);
        started = { partition, upload: partition.startUpload() };
        // Response headers now tell the front-end the upload is accepted: it may send the body.
        call.sendMetadata(new grpc.Metadata());
      } else if (message.part === 'data' && started && message.data) {
        await started.upload.write(message.data);
      } else if (message.part === 'commit' && started && message.commit) {
        commit = message.commit;
      } else {
        throw new PartitionError('INVALID_ARGUMENT', `unexpected ${message.part ?? 'empty'} message`);
      }
    }
    if (!header || !started || !commit) throw new PartitionError('INVALID_ARGUMENT', 'the upload ended without a commit');
    return await started.partition.commitBlob(header, started.upload, commit.sizeBytes);
  } finally {
    if (started) started.partition.finishUpload(started.upload);
  }
}

/** Stream-layer failures under a partition are, to its callers, the partition being unavailable. */
function toPartitionError(error: unknown): unknown {
  if (error instanceof PartitionError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'DEADLINE_EXCEEDED') return new PartitionError('DEADLINE_EXCEEDED', (error as Error).message);
  if (typeof code === 'string') return new PartitionError('UNAVAILABLE', (error as Error).message, { cause: code });
  return error;
}
