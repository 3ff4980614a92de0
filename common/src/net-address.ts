import { createServer, type Server, type Socket } from 'node:net';

/** `host:port` (`[v6]:port` too) as net.connect and net.Server.listen take them. */
export function hostAndPort(address: string): { host: string; port: number } {
  const separator = address.lastIndexOf(':');
  return { host: address.slice(0, separator).replace(/^\[|\]$/g, ''), port: Number(address.slice(separator + 1)) };
}

/**
 * Starts `server` listening on `address` and answers the address it is bound to (the port the
 * kernel chose for `:0`); a failure to listen (the port is taken) rejects rather than throwing
 * later as an 'error' event.
 */
export async function listenOn(server: Server, address: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(hostAndPort(address), () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  if (typeof bound !== 'object' || !bound) return address;
  return `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
}

/** The same host as `address` on port 0 (the OS picks one): where a role's second listener goes by default. */
export function anyPortOn(address: string): string {
  const { host } = hostAndPort(address);
  return host.includes(':') ? `[${host}]:0` : `${host}:0`;
}

/** A TCP server listening: its bound address, and `close`, which also ends every connection it has. */
export interface StartedTcpServer {
  address: string;
  close(): Promise<void>;
}

/** Listens on `address` and hands each connection to `serve`; the binary transports' servers. */
export async function startTcpServer(address: string, serve: (socket: Socket) => void): Promise<StartedTcpServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket);
  });
  return {
    address: await listenOn(server, address),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
