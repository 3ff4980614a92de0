import { callMetadata, callOptions, ClientPool, unary } from '@strata/common';
import { locationServiceProto, type locationV1 } from '@strata/protos';

const CALL_TIMEOUT_MS = 10_000;

/** The typed client of the location service. */
export class LocationClient {
  private readonly pool = new ClientPool(locationServiceProto().LocationService);

  constructor(private readonly address: string) {}

  getAccount(name: string): Promise<locationV1.AccountInfo__Output> {
    const context = { timeoutMs: CALL_TIMEOUT_MS };
    return unary((done) => this.pool.get(this.address).getAccount({ name }, callMetadata(context), callOptions(context), done));
  }

  createAccount(name: string, stampId?: string): Promise<locationV1.AccountInfo__Output> {
    const context = { timeoutMs: CALL_TIMEOUT_MS };
    return unary((done) => this.pool.get(this.address).createAccount({ name, stampId: stampId ?? '' }, callMetadata(context), callOptions(context), done));
  }

  registerStamp(stamp: locationV1.RegisterStampRequest): Promise<locationV1.StampInfo__Output> {
    const context = { timeoutMs: CALL_TIMEOUT_MS };
    return unary((done) => this.pool.get(this.address).registerStamp(stamp, callMetadata(context), callOptions(context), done));
  }

  close(): void {
    this.pool.close();
  }
}
