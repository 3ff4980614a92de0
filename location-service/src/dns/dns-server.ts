import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer, isIPv6, type Server, type Socket } from 'node:net';
import { rethrowIfAssertion, type Logger } from '@strata/common';
import { DNS_TCP_CONNECTIONS_MAX, DNS_TCP_IDLE_MS, DNS_TCP_MESSAGE_BYTES_MAX } from '../limits.js';
import { RCODE, respond } from './dns-responder.js';
import type { ZoneSnapshot } from './zone.js';

/** Answers waiting to be read on one TCP connection beyond which the client is not reading: it is cut. */
const TCP_PENDING_BYTES_MAX = 64 * 1024;
/** Attempts to find a port free for both UDP and TCP when asked for port 0. */
const BIND_ATTEMPTS = 10;

/**
 * The authoritative DNS responder on one address, over UDP and TCP (RFC 7766: length-prefixed
 * messages, several per connection). Every answer comes from `zone()` at the time of the query.
 */
export class DnsServer {
  private rotation = 0;

  private constructor(
    private readonly udp: UdpSocket,
    private readonly tcp: Server,
    readonly address: string,
  ) {}

  /** Binds UDP and TCP on `host:port` (port 0: one port free for both). */
  static async start(options: { host: string; port: number; zone: () => ZoneSnapshot; log: Logger }): Promise<DnsServer> {
    for (let attempt = 1; ; attempt++) {
      const udp = createSocket(isIPv6(options.host) ? 'udp6' : 'udp4');
      try {
        udp.bind(options.port, options.host);
        await once(udp, 'listening');
        const port = udp.address().port;
        const tcp = createServer();
        tcp.listen(port, options.host);
        await once(tcp, 'listening');
        const host = isIPv6(options.host) ? `[${options.host}]` : options.host;
        const server = new DnsServer(udp, tcp, `${host}:${port}`);
        server.serve(options.zone, options.log);
        return server;
      } catch (error) {
        rethrowIfAssertion(error);
        udp.close();
        if (options.port !== 0 || attempt >= BIND_ATTEMPTS || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
    }
  }

  private serve(zone: () => ZoneSnapshot, log: Logger): void {
    this.udp.on('message', (message, peer) => {
      const reply = this.answer(message, zone, 'udp', log);
      if (reply) this.udp.send(reply, peer.port, peer.address, (error) => error && log.debug({ err: error }, 'dns reply not sent'));
    });
    this.udp.on('error', (error) => log.warn({ err: error }, 'dns udp socket error'));
    this.tcp.maxConnections = DNS_TCP_CONNECTIONS_MAX;
    this.tcp.on('connection', (socket) => this.serveConnection(socket, zone, log));
  }

  private serveConnection(socket: Socket, zone: () => ZoneSnapshot, log: Logger): void {
    socket.setTimeout(DNS_TCP_IDLE_MS, () => socket.destroy());
    socket.on('error', (error) => log.debug({ err: error }, 'dns tcp connection error'));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        // A message too short for a header or too long for a query: the stream cannot be trusted to resynchronise.
        if (length < 12 || length > DNS_TCP_MESSAGE_BYTES_MAX) return void socket.destroy();
        if (pending.length < 2 + length) return;
        const reply = this.answer(pending.subarray(2, 2 + length), zone, 'tcp', log);
        pending = pending.subarray(2 + length);
        if (reply) {
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(reply.length);
          socket.write(Buffer.concat([prefix, reply]));
        }
        if (socket.writableLength > TCP_PENDING_BYTES_MAX) return void socket.destroy();
      }
    });
  }

  private answer(message: Buffer, zone: () => ZoneSnapshot, transport: 'udp' | 'tcp', log: Logger): Buffer | undefined {
    const reply = respond(message, zone(), { transport, rotation: this.rotation++ });
    if (this.rotation >= Number.MAX_SAFE_INTEGER) this.rotation = 0;
    if (!reply) log.debug({ transport, bytes: message.length }, 'dns message dropped');
    // SERVFAIL means the responder could not build an answer it should have: say so.
    else if ((reply.readUInt16BE(2) & 0xf) === RCODE.SERVFAIL) log.warn({ transport, bytes: message.length }, 'dns answered SERVFAIL');
    return reply;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.udp.close(() => resolve()));
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()));
  }
}
