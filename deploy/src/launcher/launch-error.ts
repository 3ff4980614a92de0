/** A stamp that cannot start: the launcher prints the message as one line and exits. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
}
