import { rethrowIfAssertion } from '@strata/common';
import { isIPv4, isIPv6 } from 'node:net';
import dnsPacket, { type Answer, type Packet, type Question } from 'dns-packet';
import { DNS_ADDRESSES_MAX, DNS_UDP_PAYLOAD_BYTES_MAX, DNS_UDP_PAYLOAD_BYTES_MIN } from '../limits.js';
import type { ZoneSnapshot } from './zone.js';

const QR = 1 << 15;
const RD = 1 << 8;
const OPCODE_QUERY = 0;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
/** A host name as DNS allows it: at most 253 printable characters, labels of 1 to 63. */
const NAME = /^(?=.{0,253}$)([\x21-\x2d\x2f-\x7e]{1,63}(\.[\x21-\x2d\x2f-\x7e]{1,63})*)?$/;

interface Outcome {
  rcode: number;
  answers: Answer[];
  authorities: Answer[];
  additionals: Answer[];
}

/**
 * Answers one DNS message for the zone: the account names with their stamp's front-end
 * addresses (rotated by `rotation`, for round-robin), SOA and NS at the apex, NXDOMAIN for
 * names the zone does not hold, REFUSED for names outside it, NOTIMP for opcodes other than
 * QUERY, FORMERR for anything malformed. Returns undefined — drop it — for what cannot be
 * answered at all: fewer bytes than a header, or a response (answering one invites loops).
 * Never throws on any input.
 */
export function respond(query: Buffer, zone: ZoneSnapshot, options: { transport: 'udp' | 'tcp'; rotation: number }): Buffer | undefined {
  if (query.length < 12 || (query.readUInt16BE(2) & QR) !== 0) return undefined;
  let packet: Packet;
  try {
    packet = dnsPacket.decode(query);
  } catch (error) {
    rethrowIfAssertion(error);
    return headerOnly(query, RCODE.FORMERR);
  }
  if (((query.readUInt16BE(2) >> 11) & 0xf) !== OPCODE_QUERY) return headerOnly(query, RCODE.NOTIMP);
  const question = packet.questions?.length === 1 ? packet.questions[0]! : undefined;
  // The root name decodes as "."; every other name without its trailing dot.
  if (!question || !(question.name === '.' || NAME.test(question.name))) return headerOnly(query, RCODE.FORMERR);
  const edns = packet.additionals?.find((record) => record.type === 'OPT');
  const outcome = question.class === 'IN' || question.class === 'ANY' ? lookup(question, zone, options.rotation) : refused();
  const limit =
    options.transport === 'tcp'
      ? Infinity
      : edns
        ? Math.min(Math.max(edns.udpPayloadSize ?? 0, DNS_UDP_PAYLOAD_BYTES_MIN), DNS_UDP_PAYLOAD_BYTES_MAX)
        : DNS_UDP_PAYLOAD_BYTES_MIN;
  const encode = (parts: Outcome, truncated: boolean): Buffer =>
    dnsPacket.encode({
      type: 'response',
      id: query.readUInt16BE(0),
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (query.readUInt16BE(2) & RD) | (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) | parts.rcode,
      questions: [question],
      answers: parts.answers,
      authorities: parts.authorities,
      additionals: [
        ...parts.additionals,
        ...(edns
          ? [
              {
                type: 'OPT',
                name: '.',
                udpPayloadSize: DNS_UDP_PAYLOAD_BYTES_MAX,
                extendedRcode: 0,
                ednsVersion: 0,
                flags: 0,
                flag_do: false,
                options: [],
              } satisfies Answer,
            ]
          : []),
      ],
    });
  try {
    const full = encode(outcome, false);
    return full.length <= limit ? full : encode({ ...outcome, answers: [], authorities: [], additionals: [] }, true);
  } catch (error) {
    rethrowIfAssertion(error);
    return headerOnly(query, RCODE.SERVFAIL);
  }
}

function lookup(question: Question, zone: ZoneSnapshot, rotation: number): Outcome {
  const name = question.name.toLowerCase();
  const apex = zone.domain;
  if (name !== apex && !name.endsWith(`.${apex}`)) return refused();
  const soa = soaRecord(zone);
  const found = (answers: Answer[], additionals: Answer[] = []): Outcome =>
    answers.length > 0
      ? { rcode: RCODE.NOERROR, answers, authorities: [], additionals }
      : { rcode: RCODE.NOERROR, answers: [], authorities: [soa], additionals: [] };
  const type = question.type as string;
  if (name === apex) {
    const ns = nsRecords(zone);
    if (type === 'SOA') return found([soa]);
    if (type === 'NS') return found(ns, glue(zone));
    if (type === 'ANY') return found([soa, ...ns], glue(zone));
    return found([]);
  }
  const server = zone.nameServers.find((candidate) => candidate.name === name);
  const label = name.slice(0, -(apex.length + 1));
  const addresses = server ? server.addresses : label.includes('.') ? undefined : zone.accountAddresses(label);
  if (addresses === undefined) return { rcode: RCODE.NXDOMAIN, answers: [], authorities: [soa], additionals: [] };
  const records = addressRecords(question.name, rotated(addresses.slice(0, DNS_ADDRESSES_MAX), rotation), zone.ttlSeconds);
  return found(records.filter((record) => type === 'ANY' || record.type === type));
}

function addressRecords(name: string, addresses: readonly string[], ttl: number): Answer[] {
  return addresses.flatMap((address): Answer[] =>
    isIPv4(address) ? [{ type: 'A', name, ttl, data: address }] : isIPv6(address) ? [{ type: 'AAAA', name, ttl, data: address }] : [],
  );
}

function soaRecord(zone: ZoneSnapshot): Answer {
  return {
    type: 'SOA',
    name: zone.domain,
    ttl: zone.ttlSeconds,
    data: {
      mname: zone.nameServers[0]?.name ?? `ns.${zone.domain}`,
      rname: `hostmaster.${zone.domain}`,
      serial: zone.serial >>> 0,
      refresh: 3600,
      retry: 600,
      expire: 86_400,
      // The negative-caching TTL (RFC 2308): as short as positive answers, so a name created
      // right after a failed lookup resolves soon.
      minimum: zone.ttlSeconds,
    },
  };
}

function nsRecords(zone: ZoneSnapshot): Answer[] {
  return zone.nameServers.map((server) => ({ type: 'NS', name: zone.domain, ttl: zone.ttlSeconds, data: server.name }));
}

function glue(zone: ZoneSnapshot): Answer[] {
  return zone.nameServers.flatMap((server) => addressRecords(server.name, server.addresses, zone.ttlSeconds));
}

function rotated<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function refused(): Outcome {
  return { rcode: RCODE.REFUSED, answers: [], authorities: [], additionals: [] };
}

/** A reply of just a header: the query's id, opcode and RD, and `rcode`; no sections. */
function headerOnly(query: Buffer, rcode: number): Buffer {
  const reply = Buffer.alloc(12);
  reply.writeUInt16BE(query.readUInt16BE(0), 0);
  reply.writeUInt16BE(QR | (query.readUInt16BE(2) & (0x7800 | RD)) | rcode, 2);
  return reply;
}
