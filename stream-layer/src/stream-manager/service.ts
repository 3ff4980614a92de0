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
      manager.sealExtent(request.streamId, request.extentId),
    ),
    ListStreams: leaderOnly<streamV1.ListStreamsRequest__Output, streamV1.ListStreamsResponse>(async () => ({
      streams: await manager.listStreams(),
    })),
    GetExtent: leaderOnly<streamV1.GetExtentRequest__Output, streamV1.ExtentInfo>((request) => manager.extentInfo(request.extentId)),
  } satisfies streamV1.StreamManagerHandlers;
}
