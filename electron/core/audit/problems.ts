/** A difference or break the audit check found: a stable code, a Vietnamese sentence, where. */
export interface StoreProblem {
  readonly code: StoreProblemCode;
  readonly message: string;
  readonly unitId?: string;
  readonly nodeCode?: string;
  readonly seq?: number;
}

type StoreProblemCode =
  | 'AUDIT_CHAIN_BROKEN'
  | 'AUDIT_HEAD_MISMATCH'
  | 'AUDIT_TRUNCATED'
  | 'AUDIT_HEAD_BAD_SIGNATURE'
  | 'AUDIT_HEAD_FOREIGN_KEY'
  | 'AUDIT_UNSIGNED_TAIL'
  | 'AUDIT_HEADS_MISSING'
  | 'AUDIT_PACKAGE_MISSING'
  | 'AUDIT_PACKAGE_UNRECORDED'
  | 'EXCHANGE_PACKAGE_TAMPERED'
  | 'EXCHANGE_SNAPSHOT_TAMPERED'
  | 'STORE_DIFFERS'
  | 'RESULTS_DIFFER';
