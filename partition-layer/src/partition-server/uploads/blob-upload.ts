import { ignoreError } from '@strata/common';
import { BLOB_BLOCK_BYTES, type StreamWriter } from '@strata/stream-layer';
import type { streamV1 } from '@strata/protos';
import { UPLOAD_APPENDS_IN_FLIGHT_MAX } from '../../limits.js';

/**
 * The bytes of one blob on their way into the partition's blob-data stream: cut into blocks
 * of BLOB_BLOCK_BYTES, appended with a bounded number in flight (so an upload holds at most
 * that many blocks in memory). The ETag's MD5 is not computed here: the front-end hashes the
 * body as it streams and sends the digest with the commit, which keeps MD5 (a quarter of this
 * process's CPU at 1 MiB PUTs) off the one thread that serves every partition.
 */
export class BlobUpload {
  private pendingChunks: Buffer[] = [];
  private pendingBytes = 0;
  private sizeBytes = 0;
  private readonly appends: Promise<streamV1.BlockPointer[]>[] = [];
  private settled = 0;

  constructor(private readonly writer: StreamWriter) {}

  /** Takes the next bytes of the blob; resolves when the upload can take more. */
  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.sizeBytes += chunk.length;
    this.pendingChunks.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= BLOB_BLOCK_BYTES) await this.appendBlock(this.takeBytes(BLOB_BLOCK_BYTES));
  }

  /**
   * Takes blocks already stored (a copied range) as the next bytes: what is pending is
   * appended first as a short block, so the pointers stay in byte order.
   */
  async reference(blocks: readonly streamV1.BlockPointer__Output[]): Promise<void> {
    if (this.pendingBytes > 0) await this.appendBlock(this.takeBytes(this.pendingBytes));
    this.sizeBytes += blocks.reduce((sum, block) => sum + block.dataBytes, 0);
    this.referenced = true;
    this.appends.push(Promise.resolve(blocks.map((block) => ({ extentId: block.extentId, offset: block.offset, dataBytes: block.dataBytes }))));
  }

  /** Whether any bytes came as references (a copied part, whose ETag the front-end names). */
  referenced = false;

  /**
   * Appends what is left and resolves with the blob's block pointers and size; with
   * `inlineBytesMax`, a blob that small (and made of bytes sent, not references) is not appended
   * at all: its bytes come back as `inline`, for its commit record to carry.
   */
  async finish(options: { inlineBytesMax?: number } = {}): Promise<{ blocks: streamV1.BlockPointer[]; sizeBytes: number; inline?: Buffer }> {
    if (this.appends.length === 0 && !this.referenced && this.sizeBytes <= (options.inlineBytesMax ?? -1)) {
      return { blocks: [], sizeBytes: this.sizeBytes, inline: Buffer.concat(this.pendingChunks, this.pendingBytes) };
    }
    if (this.pendingBytes > 0) await this.appendBlock(this.takeBytes(this.pendingBytes));
    const pointers = await Promise.all(this.appends);
    return { blocks: pointers.flat(), sizeBytes: this.sizeBytes };
  }

  private takeBytes(count: number): Buffer {
    const first = this.pendingChunks[0];
    if (first && first.length === count) {
      this.pendingChunks.shift();
      this.pendingBytes -= count;
      return first;
    }
    const all = Buffer.concat(this.pendingChunks, this.pendingBytes);
    const block = all.subarray(0, count);
    const rest = all.subarray(count);
    this.pendingChunks = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return block;
  }

  private async appendBlock(block: Buffer): Promise<void> {
    const append = this.writer.append([block]);
    // Keep failures from being unhandled while earlier appends are awaited; finish() reports them.
    append.catch(ignoreError);
    this.appends.push(append);
    while (this.appends.length - this.settled >= UPLOAD_APPENDS_IN_FLIGHT_MAX) {
      await this.appends[this.settled];
      this.settled++;
    }
  }
}
