import { expect } from 'vitest';
import { PassportError } from '../../shared/errors.ts';

/** The `code` of the PassportError a promise rejects with, or 'resolved' when it does not reject. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PassportError);
    return (err as PassportError).code;
  }
  return 'resolved';
}
