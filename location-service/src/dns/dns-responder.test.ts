import dnsPacket, { type Packet, type RecordType } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { RCODE, respond } from './dns-responder.js';
import type { ZoneSnapshot } from './zone.js';

const zone: ZoneSnapshot = {
  domain: 'strata.test',
  ttlSeconds: 30,
  serial: 42,
  nameServers: [{ name: 'ns-ls-1.strata.test', addresses: ['127.0.0.1'] }],
  accountAddresses: (name) => ({ acme: ['10.0.0.1', '10.0.0.2', '10.0.0.3'], dual: ['10.0.0.9', 'fd00::9'], bare: [] })[name],
};

const query = (name: string, type: RecordType = 'A', extra: Partial<Packet> = {}): Buffer =>
  dnsPacket.encode({ type: 'query', id: 4242, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }], ...extra });
const ask = (message: Buffer, rotation = 0, transport: 'udp' | 'tcp' = 'udp') => {
  const reply = respond(message, zone, { transport, rotation });
  return reply && dnsPacket.decode(reply);
};
const rcodeOf = (packet: Packet | undefined): number => (packet ? (packet.flags ?? 0) & 0xf : -1);

describe('respond', () => {
  it("answers an account with its stamp's front-end addresses, authoritatively, echoing id and question", () => {
    const reply = ask(query('acme.strata.test'))!;
    expect(reply.id).toBe(4242);
    expect(reply.flag_aa).toBe(true);
    expect(reply.flag_rd).toBe(true);
    expect(reply.flag_ra).toBe(false);
    expect(reply.questions).toEqual([{ name: 'acme.strata.test', type: 'A', class: 'IN' }]);
    expect(reply.answers?.map((answer) => [answer.type, (answer as { data: string }).data, (answer as { ttl: number }).ttl])).toEqual([
      ['A', '10.0.0.1', 30],
      ['A', '10.0.0.2', 30],
      ['A', '10.0.0.3', 30],
    ]);
  });

  it('rotates the addresses from one answer to the next (round-robin)', () => {
    const first = (rotation: number) => (ask(query('acme.strata.test'), rotation)!.answers![0] as { data: string }).data;
    expect([0, 1, 2, 3].map(first)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.1']);
  });

  it('answers AAAA with IPv6 addresses only, matches names without regard to case', () => {
    expect(ask(query('DUAL.Strata.Test', 'AAAA'))!.answers?.map((answer) => (answer as { data: string }).data)).toEqual(['fd00::9']);
    expect(ask(query('DUAL.Strata.Test', 'A'))!.answers?.map((answer) => (answer as { data: string }).data)).toEqual(['10.0.0.9']);
  });

  it('answers NOERROR with no records and the SOA (NODATA) for a type the name lacks', () => {
    for (const [name, type] of [
      ['bare.strata.test', 'A'],
      ['acme.strata.test', 'AAAA'],
      ['acme.strata.test', 'MX'],
      ['strata.test', 'A'],
    ] as const) {
      const reply = ask(query(name, type))!;
      expect(rcodeOf(reply), `${name} ${type}`).toBe(RCODE.NOERROR);
      expect(reply.answers).toEqual([]);
      expect(reply.authorities?.map((record) => record.type)).toEqual(['SOA']);
    }
  });

  it('answers SOA and NS at the apex, with glue for the name server', () => {
    const soa = ask(query('strata.test', 'SOA'))!;
    expect(soa.answers?.[0]).toMatchObject({ type: 'SOA', data: { mname: 'ns-ls-1.strata.test', rname: 'hostmaster.strata.test', serial: 42, minimum: 30 } });
    const ns = ask(query('strata.test', 'NS'))!;
    expect(ns.answers?.map((record) => (record as { data: string }).data)).toEqual(['ns-ls-1.strata.test']);
    expect(ns.additionals?.map((record) => [record.name, (record as { data: string }).data])).toEqual([['ns-ls-1.strata.test', '127.0.0.1']]);
    expect(ask(query('ns-ls-1.strata.test'))!.answers?.map((record) => (record as { data: string }).data)).toEqual(['127.0.0.1']);
  });

  it('answers NXDOMAIN with the SOA for names the zone does not hold', () => {
    for (const name of ['nobody.strata.test', 'www.acme.strata.test', 'ns.strata.test']) {
      const reply = ask(query(name))!;
      expect(rcodeOf(reply), name).toBe(RCODE.NXDOMAIN);
      expect(reply.authorities?.map((record) => record.type)).toEqual(['SOA']);
    }
  });

  it('refuses names outside the zone, and classes other than IN', () => {
    for (const name of ['example.com', 'test', 'xstrata.test', '']) expect(rcodeOf(ask(query(name))), name).toBe(RCODE.REFUSED);
    const chaos = dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'TXT', name: 'version.bind', class: 'CH' }] });
    expect(rcodeOf(ask(chaos))).toBe(RCODE.REFUSED);
  });

  it('answers NOTIMP to opcodes other than QUERY, FORMERR to several questions or none', () => {
    const notify = query('acme.strata.test');
    notify.writeUInt16BE(notify.readUInt16BE(2) | (4 << 11), 2);
    expect(rcodeOf(ask(notify))).toBe(RCODE.NOTIMP);
    expect(rcodeOf(ask(dnsPacket.encode({ type: 'query', id: 7, questions: [] })))).toBe(RCODE.FORMERR);
    const two = dnsPacket.encode({
      type: 'query',
      id: 7,
      questions: [
        { type: 'A', name: 'acme.strata.test' },
        { type: 'A', name: 'bare.strata.test' },
      ],
    });
    expect(rcodeOf(ask(two))).toBe(RCODE.FORMERR);
  });

  it('answers FORMERR with the id to every truncation of a query long enough for a header, and drops shorter ones', () => {
    const full = query('acme.strata.test');
    for (let length = 0; length < full.length; length++) {
      const reply = ask(full.subarray(0, length));
      if (length < 12) expect(reply, `${length} bytes`).toBeUndefined();
      else expect([reply!.id, rcodeOf(reply)], `${length} bytes`).toEqual([4242, RCODE.FORMERR]);
    }
  });

  it('drops responses rather than answering them', () => {
    expect(
      respond(dnsPacket.encode({ type: 'response', id: 1, questions: [{ type: 'A', name: 'acme.strata.test' }] }), zone, { transport: 'udp', rotation: 0 }),
    ).toBeUndefined();
  });

  it('answers EDNS queries with an OPT record, and truncates what does not fit a plain UDP answer', () => {
    const edns = ask(query('acme.strata.test', 'A', { additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 4096 } as never] }))!;
    expect(edns.additionals?.find((record) => record.type === 'OPT')).toMatchObject({ udpPayloadSize: 1232 });
    const many: ZoneSnapshot = { ...zone, accountAddresses: () => Array.from({ length: 40 }, (_, i) => `fd00::${i + 1}`) };
    const udp = dnsPacket.decode(respond(query('big.strata.test', 'AAAA'), many, { transport: 'udp', rotation: 0 })!);
    expect(udp.flag_tc).toBe(true);
    expect(udp.answers).toEqual([]);
    const tcp = dnsPacket.decode(respond(query('big.strata.test', 'AAAA'), many, { transport: 'tcp', rotation: 0 })!);
    expect([tcp.flag_tc, tcp.answers?.length]).toEqual([false, 16]);
  });

  it('never throws on random bytes, and answers each with FORMERR, NOTIMP or nothing', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff;
    for (let i = 0; i < 2_000; i++) {
      const message = Buffer.from(Array.from({ length: (next() % 64) + next() }, next));
      const reply = ask(message);
      if (reply) expect([RCODE.FORMERR, RCODE.NOTIMP, RCODE.REFUSED, RCODE.NXDOMAIN]).toContain(rcodeOf(reply));
    }
  });
});
