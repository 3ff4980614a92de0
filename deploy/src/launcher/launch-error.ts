/** A stamp that cannot start: the launcher prints the message as one line and exits. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
}

/** A process that did not become ready; `reason` says how in a few words, for stamp.json and `strata status`. */
export class StartFailure extends LaunchError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
