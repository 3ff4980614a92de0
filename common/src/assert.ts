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
