import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import dnsPacket from 'dns-packet';

/** A DNS query as a client sends it. */
export const dnsQuery = (name: string, id: number): Buffer =>
  dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name, class: 'IN' }] });

/** The rcode of a DNS message. */
export const rcodeOf = (message: Buffer): number => message.readUInt16BE(2) & 0xf;

const split = (dns: string): { host: string; port: number } => ({ host: dns.split(':')[0]!, port: Number(dns.split(':')[1]) });

/**
 * Sends `messages` over UDP in batches, each followed by `probe` (a valid query with an id no
 * message uses), and waits for the probe's answer before the next batch: so nothing is lost to
 * a full socket buffer, and the responder is shown to still serve after each batch. Returns
 * every reply other than the probes', and the probes' replies.
 */
export async function udpBarrage(dns: string, messages: Buffer[], probe: Buffer, batch = 40): Promise<{ replies: Buffer[]; probes: Buffer[] }> {
  const { host, port } = split(dns);
  const socket = createSocket('udp4');
  const replies: Buffer[] = [];
  const probes: Buffer[] = [];
  let probeAnswered: (() => void) | undefined;
  socket.on('message', (message) => {
    if (message.length >= 2 && message.readUInt16BE(0) === probe.readUInt16BE(0) && message.length > 12) {
      probes.push(message);
      probeAnswered?.();
    } else replies.push(message);
  });
  try {
    for (let i = 0; i < messages.length; i += batch) {
      for (const message of messages.slice(i, i + batch)) socket.send(message, port, host);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to the probe after message ${i + batch}`)), 5_000);
        probeAnswered = () => {
          clearTimeout(timer);
          resolve();
        };
        socket.send(probe, port, host);
      });
    }
    return { replies, probes };
  } finally {
    socket.close();
  }
}

/**
 * Opens a TCP connection to the responder, writes `bytes`, and collects the length-prefixed
 * replies until the server closes the connection or `waitMs` passes.
 */
export async function tcpExchange(dns: string, bytes: Buffer, waitMs = 1_500): Promise<{ replies: Buffer[]; closedByServer: boolean }> {
  const { host, port } = split(dns);
  const socket = connect(port, host);
  let received = Buffer.alloc(0);
  const replies: Buffer[] = [];
  const closedByServer = await new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      while (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        replies.push(received.subarray(2, 2 + received.readUInt16BE(0)));
        received = received.subarray(2 + received.readUInt16BE(0));
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(true);
      else reject(error);
    });
  });
  socket.destroy();
  return { replies, closedByServer };
}

/** `message` with its two-byte TCP length prefix. */
export const framed = (message: Buffer): Buffer => Buffer.concat([Buffer.from([message.length >> 8, message.length & 0xff]), message]);
