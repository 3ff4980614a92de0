import { systemClock } from '../clock.js';
import * as grpc from '@grpc/grpc-js';
import { GRPC_SERVER_OPTIONS } from './options.js';

export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  handlers: grpc.UntypedServiceImplementation;
}

export interface StartedGrpcServer {
  /** The bound `host:port` (the real port when asked for port 0). */
  address: string;
  /** Finishes calls in flight for up to `graceMs`, then cuts the rest. */
  stop(graceMs?: number): Promise<void>;
}

/** Binds a plain-text gRPC server (Strata's gRPC runs on a stamp's private network). */
export async function startGrpcServer(options: { address: string; services: readonly ServiceBinding[] }): Promise<StartedGrpcServer> {
  const server = new grpc.Server(GRPC_SERVER_OPTIONS);
  for (const service of options.services) server.addService(service.definition, service.handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(options.address, grpc.ServerCredentials.createInsecure(), (error, boundPort) => (error ? reject(error) : resolve(boundPort)));
  });
  const host = options.address.slice(0, options.address.lastIndexOf(':'));
  return {
    address: `${host}:${port}`,
    stop: (graceMs = 5_000) =>
      new Promise<void>((resolve) => {
        const timer = systemClock.after(graceMs, () => {
          server.forceShutdown();
          resolve();
        });
        server.tryShutdown(() => {
          timer.cancel();
          resolve();
        });
      }),
  };
}
