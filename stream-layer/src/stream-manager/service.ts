import { unaryHandler } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { STREAM_ERROR_STATUS, StreamError } from '../errors.js';
import type { StreamManager } from './stream-manager.js';

/**
 * The gRPC edge of the stream manager. Only the elected leader answers; a standby refuses
 * with NOT_LEADER so that clients look the leader up again.
 */
export function streamManagerHandlers(manager: StreamManager, isLeader: () => boolean): streamV1.StreamManagerHandlers {
  const leaderOnly = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, keyof typeof STREAM_ERROR_STATUS>(STREAM_ERROR_STATUS, async (request) => {
      if (!isLeader()) throw new StreamError('NOT_LEADER', 'this stream manager is a standby');
      return handle(request);
    });

  return {
    CreateStream: leaderOnly<streamV1.CreateStreamRequest__Output, streamV1.StreamInfo>((request) => manager.createStream(request.name, request.extentIds)),
    GetStream: leaderOnly<streamV1.GetStreamRequest__Output, streamV1.StreamInfo>((request) => manager.streamInfo(request.streamId)),
    SealExtent: leaderOnly<streamV1.SealExtentRequest__Output, streamV1.StreamInfo>((request) =>
      manager.sealExtent(request.streamId, request.extentId, { epoch: Number(request.writerEpoch), takeOver: request.takeOver }),
    ),
    ListStreams: leaderOnly<streamV1.ListStreamsRequest__Output, streamV1.ListStreamsResponse>(async () => ({
      streams: await manager.listStreams(),
    })),
    GetExtent: leaderOnly<streamV1.GetExtentRequest__Output, streamV1.ExtentInfo>((request) => manager.extentInfo(request.extentId)),
    DeleteStream: leaderOnly<streamV1.DeleteStreamRequest__Output, streamV1.DeleteStreamResponse>(async (request) => {
      await manager.deleteStream(request.streamId);
      return {};
    }),
    ReleaseExtents: leaderOnly<streamV1.ReleaseExtentsRequest__Output, streamV1.StreamInfo>((request) =>
      manager.releaseExtents(request.streamId, request.extentIds),
    ),
    HoldExtents: leaderOnly<streamV1.HoldExtentsRequest__Output, streamV1.HoldExtentsResponse>(async (request) => {
      await manager.holdExtents(request.holder, request.extentIds);
      return {};
    }),
    ReleaseHolds: leaderOnly<streamV1.ReleaseHoldsRequest__Output, streamV1.ReleaseHoldsResponse>(async (request) => {
      await manager.releaseHolds(request.holder, request.extentIds);
      return {};
    }),
    ListHeldExtents: leaderOnly<streamV1.ListHeldExtentsRequest__Output, streamV1.ListHeldExtentsResponse>(async (request) => ({
      extents: await manager.heldExtents(request.holder),
    })),
  } satisfies streamV1.StreamManagerHandlers;
}
