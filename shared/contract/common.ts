/** Schemas shared by several namespaces. */
import { z } from 'zod';

/** Input of a method that takes nothing: callers may omit it. */
export const NoInput = z.strictObject({}).optional();

/** A required one-line text, trimmed, 1..max characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}
