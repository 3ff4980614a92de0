import { unaryHandler, type Clock } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import type { AccountManager } from './account-manager.js';
import { LOCATION_ERROR_STATUS, LocationError, type LocationErrorCode } from './errors.js';
import type { LocationStore } from './location-store.js';
import { registerStamp } from './stamp-registry.js';

/** The gRPC edge of the location service: stamps report here; accounts are read (and created by the leader). */
export function locationServiceHandlers(deps: {
  manager: AccountManager;
  store: LocationStore;
  clock: Clock;
  isLeader: () => boolean;
}): locationV1.LocationServiceHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, LocationErrorCode>(LOCATION_ERROR_STATUS, handle);
  return {
    RegisterStamp: unary<locationV1.RegisterStampRequest__Output, locationV1.StampInfo>((request) =>
      registerStamp({ store: deps.store, clock: deps.clock, request }),
    ),
    ListStamps: unary<locationV1.ListStampsRequest__Output, locationV1.ListStampsResponse>(async () => ({ stamps: await deps.store.stamps() })),
    CreateAccount: unary<locationV1.CreateAccountRequest__Output, locationV1.AccountInfo>(async (request) => {
      if (!deps.isLeader()) throw new LocationError('NOT_LEADER', 'only the leader creates accounts');
      return deps.manager.create({
        name: request.name,
        ...(request.stampId ? { stampId: request.stampId } : {}),
        ...(request.requestToken ? { requestToken: request.requestToken } : {}),
      });
    }),
    GetAccount: unary<locationV1.GetAccountRequest__Output, locationV1.AccountInfo>((request) => deps.manager.visible(request.name)),
    ListAccounts: unary<locationV1.ListAccountsRequest__Output, locationV1.ListAccountsResponse>(async () => ({
      accounts: (await deps.store.accounts()).filter((account) => account.state !== 'CREATING'),
    })),
  } satisfies locationV1.LocationServiceHandlers;
}
