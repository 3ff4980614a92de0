import { unaryHandler } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import { LOCATION_ERROR_STATUS, type LocationErrorCode } from './errors.js';
import type { Registry } from './registry.js';

/** The gRPC edge of the location service. */
export function locationServiceHandlers(registry: Registry): locationV1.LocationServiceHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, LocationErrorCode>(LOCATION_ERROR_STATUS, handle);
  return {
    RegisterStamp: unary<locationV1.RegisterStampRequest__Output, locationV1.StampInfo>((request) => registry.registerStamp(request)),
    ListStamps: unary<locationV1.ListStampsRequest__Output, locationV1.ListStampsResponse>(async () => ({ stamps: await registry.stamps() })),
    CreateAccount: unary<locationV1.CreateAccountRequest__Output, locationV1.AccountInfo>((request) => registry.createAccount(request.name, request.stampId)),
    GetAccount: unary<locationV1.GetAccountRequest__Output, locationV1.AccountInfo>((request) => registry.account(request.name)),
    ListAccounts: unary<locationV1.ListAccountsRequest__Output, locationV1.ListAccountsResponse>(async () => ({ accounts: await registry.accounts() })),
  } satisfies locationV1.LocationServiceHandlers;
}
