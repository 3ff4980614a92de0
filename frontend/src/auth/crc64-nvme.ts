/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5, init and xor-out all ones), the
 * checksum S3 calls CRC64NVME. @node-rs/crc32 has no 64-bit CRC, so it is computed here on two
 * 32-bit halves: plain numbers stay fast where BigInt arithmetic per byte would not.
 */

const POLY_HI = 0x9a6c9329;
const POLY_LO = 0xac4bc9b5;

/** Slicing-by-8 tables: TABLE_x[k*256 + b] is the CRC of byte b followed by k zero bytes. */
const { TABLE_HI, TABLE_LO } = buildTables();

function buildTables(): { TABLE_HI: Uint32Array; TABLE_LO: Uint32Array } {
  const hiTable = new Uint32Array(8 * 256);
  const loTable = new Uint32Array(8 * 256);
  for (let b = 0; b < 256; b++) {
    let lo = b;
    let hi = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        lo = (lo ^ POLY_LO) >>> 0;
        hi = (hi ^ POLY_HI) >>> 0;
      }
    }
    hiTable[b] = hi;
    loTable[b] = lo;
  }
  for (let k = 1; k < 8; k++) {
    for (let b = 0; b < 256; b++) {
      const prevHi = hiTable[(k - 1) * 256 + b] ?? 0;
      const prevLo = loTable[(k - 1) * 256 + b] ?? 0;
      const idx = prevLo & 0xff;
      loTable[k * 256 + b] = (((prevLo >>> 8) | (prevHi << 24)) ^ (loTable[idx] ?? 0)) >>> 0;
      hiTable[k * 256 + b] = ((prevHi >>> 8) ^ (hiTable[idx] ?? 0)) >>> 0;
    }
  }
  return { TABLE_HI: hiTable, TABLE_LO: loTable };
}

/** An incremental CRC-64/NVME. */
export class Crc64Nvme {
  private hi = 0xffffffff;
  private lo = 0xffffffff;

  /** Feeds bytes; call as often as data arrives. */
  update(data: Uint8Array): void {
    let { hi, lo } = this;
    let i = 0;
    const end8 = data.length - (data.length % 8);
    // Eight bytes per step: the CRC state is xored into them and each byte looked up in its own table.
    for (; i < end8; i += 8) {
      const a = (lo ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
      const b = (hi ^ (data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24))) >>> 0;
      const t7 = 7 * 256 + (a & 0xff),
        t6 = 6 * 256 + ((a >>> 8) & 0xff),
        t5 = 5 * 256 + ((a >>> 16) & 0xff),
        t4 = 4 * 256 + (a >>> 24);
      const t3 = 3 * 256 + (b & 0xff),
        t2 = 2 * 256 + ((b >>> 8) & 0xff),
        t1 = 256 + ((b >>> 16) & 0xff),
        t0 = b >>> 24;
      lo = (TABLE_LO[t7]! ^ TABLE_LO[t6]! ^ TABLE_LO[t5]! ^ TABLE_LO[t4]! ^ TABLE_LO[t3]! ^ TABLE_LO[t2]! ^ TABLE_LO[t1]! ^ TABLE_LO[t0]!) >>> 0;
      hi = (TABLE_HI[t7]! ^ TABLE_HI[t6]! ^ TABLE_HI[t5]! ^ TABLE_HI[t4]! ^ TABLE_HI[t3]! ^ TABLE_HI[t2]! ^ TABLE_HI[t1]! ^ TABLE_HI[t0]!) >>> 0;
    }
    for (; i < data.length; i++) {
      const idx = (lo ^ data[i]!) & 0xff;
      lo = (((lo >>> 8) | (hi << 24)) ^ TABLE_LO[idx]!) >>> 0;
      hi = ((hi >>> 8) ^ TABLE_HI[idx]!) >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** The 8-byte big-endian CRC of everything fed so far (does not reset). */
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
    return out;
  }
}
