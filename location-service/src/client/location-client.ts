import { callMetadata, callOptions, ClientPool, isStrataError, unary, rethrowIfAssertion } from '@strata/common';
import { locationServiceProto, type locationV1 } from '@strata/protos';
import { LOCATION_CALL_TIMEOUT_MS } from '../limits.js';

type Client = locationV1.LocationServiceClient;
type Done<Reply> = (error: import('@grpc/grpc-js').ServiceError | null, reply?: Reply) => void;
/** Codes after which another instance may do better. */
const TRY_NEXT = ['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'NOT_LEADER'] as const;

/**
 * The typed gRPC client of the location service. Given several instances, a call that finds
 * one down (or a standby, for creation) goes on to the next.
 */
export class LocationClient {
  private readonly pool = new ClientPool(locationServiceProto().LocationService);
  private readonly addresses: readonly string[];

  constructor(addresses: string | readonly string[]) {
    this.addresses = typeof addresses === 'string' ? [addresses] : addresses;
  }

  getAccount(name: string): Promise<locationV1.AccountInfo__Output> {
    return this.call((client, metadata, options, done) => client.getAccount({ name }, metadata, options, done));
  }

  createAccount(name: string, stampId?: string): Promise<locationV1.AccountInfo__Output> {
    return this.call((client, metadata, options, done) => client.createAccount({ name, stampId: stampId ?? '' }, metadata, options, done));
  }

  /** Reports a stamp's front-ends, capacity and use. */
  registerStamp(stamp: locationV1.RegisterStampRequest): Promise<locationV1.StampInfo__Output> {
    return this.call((client, metadata, options, done) => client.registerStamp(stamp, metadata, options, done));
  }

  async listStamps(): Promise<locationV1.StampInfo__Output[]> {
    const reply = await this.call<locationV1.ListStampsResponse__Output>((client, metadata, options, done) => client.listStamps({}, metadata, options, done));
    return reply.stamps;
  }

  private async call<Reply>(
    invoke: (client: Client, metadata: import('@grpc/grpc-js').Metadata, options: import('@grpc/grpc-js').CallOptions, done: Done<Reply>) => void,
  ): Promise<Reply> {
    let failure: unknown;
    for (const address of this.addresses) {
      const context = { timeoutMs: LOCATION_CALL_TIMEOUT_MS };
      try {
        return await unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, TRY_NEXT)) throw error;
        failure = error;
      }
    }
    throw failure;
  }

  close(): void {
    this.pool.close();
  }
}
