/** Where the server writes what went wrong: the client's output channel. */
export type Log = (message: string) => void;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wrap a handler so that any error it throws is logged and answered with the fallback:
 * one bad document or request must never take the server down or leave a request unanswered.
 */
export function guard<P extends unknown[], R>(log: Log, name: string, fallback: R, handler: (...params: P) => R | Promise<R>): (...params: P) => Promise<R> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      log(`${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

export { describe as describeError };
