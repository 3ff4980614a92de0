import type { Socket } from 'node:net';
import { afterThisTurn } from '../clock.js';

/**
 * Gathers the frames written to a socket during one turn of the event loop and sends them in
 * one `writev` at its end. On loopback the kernel's work per write (the syscall, and the
 * receiver's protocol processing done in the sender's context) cost more than the bytes of a
 * small call: many calls or replies per turn then cost one write, and the peer wakes once.
 * For small frames only: a writer of bulk bytes wants `write`'s back-pressure signal instead.
 */
export class FrameWriter {
  private queued: Buffer[] = [];
  private scheduled = false;

  constructor(private readonly socket: Socket) {}

  /** Queues a frame's parts (header, then payload) to go at the end of this turn. */
  write(...parts: Buffer[]): void {
    for (const part of parts) if (part.length > 0) this.queued.push(part);
    if (this.scheduled) return;
    this.scheduled = true;
    afterThisTurn(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const parts = this.queued;
    this.queued = [];
    // A closed socket's frames are dropped: its callers have been failed by its 'close'.
    if (this.socket.destroyed || parts.length === 0) return;
    this.socket.cork();
    for (const part of parts) this.socket.write(part);
    this.socket.uncork();
  }
}
