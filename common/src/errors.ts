import type { Logger } from 'pino';
import { rethrowIfAssertion } from './assert.js';

/**
 * A typed condition of one layer: missing blob, node down, sealed extent. Each layer declares
 * its codes as an `as const` union and maps them to its wire status in one table at its edge;
 * the throw site chooses the code, never the status.
 */
export class StrataError<Code extends string = string> extends Error {
  override readonly name = 'StrataError';
  constructor(
    readonly code: Code,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isStrataError<Code extends string>(error: unknown, codes?: readonly Code[]): error is StrataError<Code> {
  return error instanceof StrataError && (codes === undefined || codes.includes(error.code as Code));
}

/** A message for logs from anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A rejection handler for work whose failure leaves the process degraded but correct (a
 * cleanup, a best-effort report): logs `message` at warn with what was dropped, then goes on.
 * An assertion failure is rethrown, never dropped.
 */
export function warnDropped(log: Logger, message: string, fields: Record<string, unknown> = {}): (error: unknown) => void {
  return (error) => {
    rethrowIfAssertion(error);
    log.warn({ ...fields, err: error }, message);
  };
}

/**
 * Drops an error without a word: only where a comment at the call says why silence is right
 * (the house-style test checks there is one). An assertion failure is rethrown.
 */
export function ignoreError(error: unknown): void {
  rethrowIfAssertion(error);
}
