/**
 * One coded error type for expected failures (bad input, missing things, refused actions). Actions turn
 * it into a form message, routes into an HTTP status, the CLI into exit code 1 with a JSON error object.
 */
export interface ErrorLocation {
  file?: string;
  /** 1-based data row (the header row is not counted). */
  row?: number;
  column?: string;
  value?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location: ErrorLocation = {},
    readonly status = 400,
  ) {
    super(message);
    this.name = "AppError";
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      row: this.location.row ?? null,
      column: this.location.column ?? null,
      ...(this.location.file !== undefined ? { file: this.location.file } : {}),
      ...(this.location.value !== undefined ? { value: this.location.value } : {}),
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
