/**
 * A broken invariant: a programmer error, never a condition of the world. Edges do not map it
 * to a protocol error; the process logs it and exits, because code that has reached an
 * impossible state cannot be trusted to go on writing data.
 */
export class AssertionFailure extends Error {
  override readonly name = 'AssertionFailure';
}

/** Throws an {@link AssertionFailure} unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailure(message);
}

/** For the `default` of an exhaustive switch. */
export function unreachable(value: never, message = 'unreachable'): never {
  throw new AssertionFailure(`${message}: ${String(value)}`);
}

/**
 * The first statement of every catch block that handles errors of the world: an assertion
 * failure passes through, so no handler can turn a broken invariant into a logged warning or
 * a protocol error (the house-style test checks that catch blocks start with it).
 */
export function rethrowIfAssertion(error: unknown): void {
  if (error instanceof AssertionFailure) throw error;
}
