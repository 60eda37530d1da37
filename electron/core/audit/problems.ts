import type { AUDIT_PROBLEM_CODES } from '../../../shared/errors/catalogue.ts';

/** A difference or break the audit check found: a stable code, a Vietnamese sentence, where. */
export interface StoreProblem {
  readonly code: StoreProblemCode;
  readonly message: string;
  readonly unitId?: string;
  readonly nodeCode?: string;
  readonly seq?: number;
}

type StoreProblemCode = (typeof AUDIT_PROBLEM_CODES)[number];
