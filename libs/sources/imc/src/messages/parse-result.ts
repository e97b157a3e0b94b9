import { ImcFieldError, type ImcFailure } from './imc-rejection.js';

export type ImcParseResult<T> = { ok: true; message: T } | ImcFailure;

/** Runs a parser body written with the throwing field readers and turns a field error into a typed failure. */
export function collectFieldErrors<T>(parse: () => T): ImcParseResult<T> {
  try {
    return { ok: true, message: parse() };
  } catch (error) {
    if (error instanceof ImcFieldError) return { ok: false, reason: error.rejection };
    throw error;
  }
}
