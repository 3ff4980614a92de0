import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES } from '../limits.js';

/** Part of a block's payload as it arrived: the whole payload, or a piece of it. */
export interface BlockPiece {
  /** Offset of the block in the extent. */
  offset: number;
  /** Where `data` starts in the block's payload. */
  dataOffset: number;
  /** The block's whole payload size. */
  dataBytes: number;
  data: Buffer;
}

/**
 * Checks one ReadBlocks reply stream as it arrives: blocks follow each other without a gap
 * from the offset asked for, and a block sent in pieces comes in order, without gaps, overlaps
 * or empty pieces, and is finished before the next block starts or the stream ends. A replica
 * that breaks this is faulty, and its reply is not used.
 */
export class PieceSequence {
  private nextBlock: number;
  private current: { offset: number; dataBytes: number; received: number } | undefined;

  constructor(
    private readonly address: string,
    offset: number,
  ) {
    this.nextBlock = offset;
  }

  /** The message as a piece; throws INTERNAL when it does not follow the previous ones. */
  next(message: streamV1.ReadBlocksResponse__Output): BlockPiece {
    const { offset, dataOffset, data } = message;
    // A node that predates pieces sends every block whole and leaves data_bytes at 0.
    const dataBytes = message.dataBytes === 0 && dataOffset === 0 ? data.length : message.dataBytes;
    const current = this.current ?? { offset: this.nextBlock, dataBytes, received: 0 };
    if (offset !== current.offset || dataOffset !== current.received || dataBytes !== current.dataBytes) {
      throw this.fault(`sent block ${offset} bytes ${dataOffset}.. of ${dataBytes}, expected block ${current.offset} bytes ${current.received}.. of ${current.dataBytes}`);
    }
    if (data.length === 0 && dataBytes > 0) throw this.fault(`sent an empty piece of block ${offset}`);
    if (dataOffset + data.length > dataBytes) throw this.fault(`sent more than the ${dataBytes} bytes of block ${offset}`);
    current.received += data.length;
    if (current.received === dataBytes) {
      this.nextBlock = offset + BLOCK_HEADER_BYTES + dataBytes;
      this.current = undefined;
    } else {
      this.current = current;
    }
    return { offset, dataOffset, dataBytes, data };
  }

  /** Throws INTERNAL when the stream ended inside a block. */
  finish(): void {
    if (this.current) throw this.fault(`ended the reply inside block ${this.current.offset} (${this.current.received} of ${this.current.dataBytes} bytes)`);
  }

  private fault(what: string): StreamError {
    return new StreamError('INTERNAL', `replica at ${this.address} ${what}`);
  }
}
