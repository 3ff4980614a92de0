import * as grpc from '@grpc/grpc-js';
import { rethrowIfAssertion, toServiceError, unaryHandler } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PARTITION_ERROR_STATUS, PartitionError, type PartitionErrorCode } from '../errors.js';
import { accountKey, blobKey, checkName, containerKey } from '../keys.js';
import { LIST_RESULTS_MAX, UPLOAD_LIST_RESULTS_MAX } from '../limits.js';
import type { UsagePublisher } from '../gc/usage-publisher.js';
import type { Partition } from './partition.js';
import type { PartitionHost } from './ownership/partition-host.js';
import { putSmallBlob } from './uploads/small-blob.js';
import { receiveUpload } from './uploads/upload-stream.js';
import { mergePartitions, splitPartition, type OperationDeps } from './ownership/partition-operations.js';

/**
 * The methods a partition server also serves over the call transport (`@strata/common`'s calls):
 * those on the path of every GET and HEAD and of every small PUT, where gRPC's own work was the
 * larger part of the call.
 */
export const CALL_METHODS = ['GetBlob', 'PutSmallBlob'] as const;

/** The gRPC edge of a partition server: routes each request to its partition, maps errors. */
export function partitionServerHandlers(host: PartitionHost, operations: OperationDeps, usage: UsagePublisher): partitionV1.PartitionServerHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, PartitionErrorCode>(PARTITION_ERROR_STATUS, async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        rethrowIfAssertion(error);
        throw toPartitionError(error);
      }
    });
  // One more than a page, so a caller can tell a full page from the last one.
  const limit = (requested: number): number => (requested > 0 ? Math.min(requested, LIST_RESULTS_MAX + 1) : LIST_RESULTS_MAX);

  return {
    CreateContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.ContainerInfo>((request) =>
      host.route(containerKey(request.account, request.container)).containers.create(request.account, request.container),
    ),
    DeleteContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.DeleteContainerResponse>(async (request) => {
      // A partition id targets a partition holding a copy of the record (the container spans partitions).
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      await partition.containers.delete(request.account, request.container);
      return {};
    }),
    GetContainer: unary<partitionV1.ContainerRequest__Output, partitionV1.ContainerInfo>((request) =>
      host.route(containerKey(request.account, request.container)).containers.get(request.account, request.container),
    ),
    SetContainerProperties: unary<partitionV1.SetContainerPropertiesRequest__Output, partitionV1.ContainerInfo>((request) =>
      host.route(containerKey(request.account, request.container)).containers.setProperties(request),
    ),
    ListContainers: unary<partitionV1.ListContainersRequest__Output, partitionV1.ListContainersResponse>(async (request) => {
      checkName('account', request.account);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(accountKey(request.account));
      return partition.containers.list({ account: request.account, startAfter: request.startAfter, maxResults: limit(request.maxResults) });
    }),
    PutBlob: streamed<partitionV1.PutBlobHeader__Output, partitionV1.PutBlobCommit__Output, partitionV1.BlobInfo>({
      accept: async (header) => {
        const partition = host.route(blobKey(header.account, header.container, header.blob));
        await partition.checkUpload(header);
        return partition;
      },
      finish: ({ partition, header, upload, commit }) => partition.putBlob(header, upload, commit),
    }),
    PutSmallBlob: unary<partitionV1.PutSmallBlobRequest__Output, partitionV1.BlobInfo>((request) =>
      putSmallBlob((header) => host.route(blobKey(header.account, header.container, header.blob)), request),
    ),
    GetBlob: unary<partitionV1.BlobRequest__Output, partitionV1.BlobInfo>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).getBlob(request),
    ),
    DeleteBlob: unary<partitionV1.BlobRequest__Output, partitionV1.DeleteBlobResponse>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).deleteBlob(request),
    ),
    SetBlobTags: unary<partitionV1.SetBlobTagsRequest__Output, partitionV1.BlobInfo>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).setBlobTags(request),
    ),
    ListBlobs: unary<partitionV1.ListBlobsRequest__Output, partitionV1.ListBlobsResponse>((request) => {
      checkName('account', request.account);
      checkName('container', request.container);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      return partition.listBlobs({ ...request, maxResults: limit(request.maxResults) });
    }),
    ListBlobVersions: unary<partitionV1.ListBlobVersionsRequest__Output, partitionV1.ListBlobVersionsResponse>((request) => {
      checkName('account', request.account);
      checkName('container', request.container);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      return partition.listBlobVersions({ ...request, maxResults: limit(request.maxResults) });
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
        host
          .loaded()
          .map(async (partition) => ({ partitionId: partition.id, entries: await partition.entries(), operationsPerSecond: partition.operationsPerSecond() })),
      ),
    })),
    CopyBlob: unary<partitionV1.CopyBlobRequest__Output, partitionV1.BlobInfo>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).copyBlob(request),
    ),
    CreateUpload: unary<partitionV1.CreateUploadRequest__Output, partitionV1.UploadInfo>((request) =>
      host.route(blobKey(request.account, request.container, request.blob)).multipart.create(request),
    ),
    UploadPart: streamed<partitionV1.UploadPartHeader__Output, partitionV1.UploadPartCommit__Output, partitionV1.PartInfo>({
      accept: async (header) => {
        const partition = routeUpload(host, header.upload);
        await partition.multipart.checkPart(header);
        return partition;
      },
      finish: ({ partition, header, upload, commit }) => partition.multipart.commitPart(header, upload, commit),
    }),
    CompleteUpload: unary<partitionV1.CompleteUploadRequest__Output, partitionV1.CompleteUploadResponse>((request) =>
      routeUpload(host, request.upload).multipart.complete(request),
    ),
    AbortUpload: unary<partitionV1.UploadRequest__Output, partitionV1.AbortUploadResponse>(async (request) => {
      await routeUpload(host, request).multipart.abort(request);
      return {};
    }),
    ListParts: unary<partitionV1.ListPartsRequest__Output, partitionV1.ListPartsResponse>((request) =>
      routeUpload(host, request.upload).multipart.listParts({
        ...request,
        maxParts: Math.min(request.maxParts || UPLOAD_LIST_RESULTS_MAX, UPLOAD_LIST_RESULTS_MAX),
      }),
    ),
    ListUploads: unary<partitionV1.ListUploadsRequest__Output, partitionV1.ListUploadsResponse>((request) => {
      checkName('account', request.account);
      checkName('container', request.container);
      const partition = request.partitionId ? host.byId(request.partitionId) : host.route(containerKey(request.account, request.container));
      return partition.listUploads({ ...request, maxResults: limit(request.maxResults) });
    }),
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

/** The partition of an upload: its blob's (an upload's keys follow its blob's key). */
function routeUpload(host: PartitionHost, upload: partitionV1.UploadRequest__Output | null): Partition {
  if (!upload) throw new PartitionError('INVALID_ARGUMENT', 'no upload named');
  return host.route(blobKey(upload.account, upload.container, upload.blob));
}

/** A client-streaming upload handler (see receiveUpload) with the layer's error mapping. */
function streamed<Header, Commit, Result>(steps: Parameters<typeof receiveUpload<Header, Commit, Result>>[1]): grpc.handleClientStreamingCall<unknown, Result> {
  return (call, callback) => {
    receiveUpload(call as Parameters<typeof receiveUpload<Header, Commit, Result>>[0], steps).then(
      (result) => callback(null, result),
      (error: unknown) => {
        rethrowIfAssertion(error);
        callback(toServiceError(toPartitionError(error), PARTITION_ERROR_STATUS));
      },
    );
  };
}

/** Stream-layer failures under a partition are, to its callers, the partition being unavailable. */
function toPartitionError(error: unknown): unknown {
  if (error instanceof PartitionError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'DEADLINE_EXCEEDED') return new PartitionError('DEADLINE_EXCEEDED', (error as Error).message);
  if (typeof code === 'string') return new PartitionError('UNAVAILABLE', (error as Error).message, { cause: code });
  return error;
}
