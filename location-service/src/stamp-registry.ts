import type { Clock } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import { configFields } from '@strata/common';
import { LocationError } from './errors.js';
import type { LocationStore } from './location-store.js';
import type { StampRecord } from './records.js';

/** Front-ends one stamp may list: DNS answers carry at most a few, and more is a bug. */
const FRONT_ENDS_MAX = 64;
const STAMP_ID = configFields.id();
const ENDPOINT = configFields.address();

/**
 * Records a stamp's report (its front-ends, capacity and use), stamped with the time it
 * arrived: allocation skips stamps that stop reporting. Any instance takes reports.
 */
export async function registerStamp(options: { store: LocationStore; clock: Clock; request: locationV1.RegisterStampRequest }): Promise<StampRecord> {
  const { request } = options;
  if (!STAMP_ID.safeParse(request.stampId).success)
    throw new LocationError('INVALID_ARGUMENT', `bad stamp id ${JSON.stringify(request.stampId)}: lower-case letters, digits and dashes`);
  const frontEnds = request.frontEndEndpoints ?? [];
  if (frontEnds.length > FRONT_ENDS_MAX || frontEnds.some((endpoint) => !ENDPOINT.safeParse(endpoint).success)) {
    throw new LocationError('INVALID_ARGUMENT', `front-end endpoints must be at most ${FRONT_ENDS_MAX} host:port`);
  }
  const capacityBytes = Number(request.capacityBytes ?? 0);
  const usedBytes = Number(request.usedBytes ?? 0);
  if (!(capacityBytes >= 0 && usedBytes >= 0)) throw new LocationError('INVALID_ARGUMENT', 'capacity and use are byte counts');
  const stamp: StampRecord = { stampId: request.stampId!, frontEndEndpoints: frontEnds, capacityBytes, usedBytes, reportedMs: options.clock.nowMs() };
  await options.store.putStamp(stamp);
  return stamp;
}
