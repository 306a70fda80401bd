/**
 * Hemlock's user-facing error type. A HemlockError is a mistake in input or environment that
 * the user can fix: the CLI prints its message and hint without a stack and exits non-zero.
 * Anything else that escapes is a bug, and the CLI says so.
 */

/** Stable error codes: tests and scripts match on these, never on message text. */
export type HemlockErrorCode =
  | "BACKEND_UNAVAILABLE"
  | "BACKEND_UNKNOWN"
  | "KERNEL_UNSUPPORTED"
  | "INVALID_ARGUMENT"
  | "INVALID_PARAMS"
  | "UNKNOWN_NAME"
  | "DUPLICATE_NAME"
  | "DATA_MISSING"
  | "DATA_CORRUPT"
  | "FETCH_FAILED"
  | "CAPABILITY_MISSING"
  | "INCOMPATIBLE"
  | "MODEL_FILE"
  | "ARTIFACT_FILE"
  | "INVALID_SPEC"
  | "STORE"
  | "QUEUE"
  | "APP";

export class HemlockError extends Error {
  override readonly name = "HemlockError";

  constructor(
    readonly code: HemlockErrorCode,
    message: string,
    /** What to do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function isHemlockError(error: unknown): error is HemlockError {
  return error instanceof HemlockError;
}

/** The message followed by the hint, for places that keep one line of text (a cell's error). */
export function errorText(error: Error): string {
  return isHemlockError(error) && error.hint !== undefined ? `${error.message}. ${error.hint}` : error.message;
}
