import { ignoreError } from '@strata/common';
import { rename, writeFile } from 'node:fs/promises';

/**
 * DATA/stamp.json, kept current while the stamp runs: rewritten whole after every change
 * (pids change with each restart), to a temporary file renamed over it so that a reader
 * (`strata status`, a test) never sees half of it. One write at a time; changes made while a
 * write waits are in that write, which renders the state when it begins.
 */
export class StampJsonFile {
  private last: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  /** `render` gives the file's text, or undefined while there is nothing to write yet. */
  constructor(
    private readonly path: string,
    private readonly render: () => string | undefined,
  ) {}

  /** Writes the current state (after the write under way, if any); rejects if it cannot. */
  write(): Promise<void> {
    if (this.queued) return this.queued;
    // The write before failed its own caller; this one starts afresh.
    const next = this.last.catch(ignoreError).then(async () => {
      this.queued = undefined;
      const text = this.render();
      if (text === undefined) return;
      const temporary = `${this.path}.tmp`;
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, this.path);
    });
    this.queued = next;
    this.last = next;
    return next;
  }

  /**
   * Writes soon, without waiting: for changes the launcher hears of from its processes. A
   * failed write is not retried: the file is a view for tools, and the next change writes it
   * again; writes the launcher waits for (start, restart) still fail loudly.
   */
  schedule(): void {
    // See above: a tool's view, written again at the next change.
    this.write().catch(ignoreError);
  }

  /** Waits for the writes under way. */
  async settled(): Promise<void> {
    // Settled, not succeeded: the failure went to whoever waited for that write.
    await this.last.catch(ignoreError);
  }
}
