import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ignoreError, rethrowIfAssertion } from '@strata/common';

/** Lowest port tried: above the well-known and most registered services' ports. */
const PORT_MIN = 10_000;
/** Random ports tried below the ephemeral range before leaving the choice to the kernel. */
const ATTEMPTS = 20;

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: for processes (etcd, a role in a
 * container) that cannot be told to pick one themselves and report it. Another process may
 * take it in between; the caller then fails to start and says so. To make that rare, the port
 * is drawn below the kernel's ephemeral range: a port the kernel hands out (listen on port 0,
 * or the local end of every outgoing connection, of which a stamp opens hundreds) comes from
 * that range, so a port picked there could be taken by any connection made before the
 * process that was meant to listen on it starts.
 */
export async function freePort(): Promise<number> {
  const ephemeralMin = ephemeralRangeStart();
  if (ephemeralMin !== undefined && ephemeralMin - PORT_MIN > 1_000) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const port = PORT_MIN + Math.floor(Math.random() * (ephemeralMin - PORT_MIN));
      if (await canListen(port)) return port;
    }
  }
  return listenOnce(0);
}

/** The first port of Linux's ephemeral range, or undefined elsewhere. */
function ephemeralRangeStart(): number | undefined {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > 0 ? start : undefined;
  } catch (error) {
    rethrowIfAssertion(error);
    // Not Linux (or no procfs): the kernel's choice, as before.
    return undefined;
  }
}

function canListen(port: number): Promise<boolean> {
  // In use (or not ours to take): another random port is tried.
  return listenOnce(port)
    .then(() => true)
    .catch(ignoreError)
    .then((listened) => listened === true);
}

/** Listens on `port` (0: any) on 127.0.0.1, closes, and says which port it was. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
