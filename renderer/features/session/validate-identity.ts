/** The identity form's checks: the contract's own schema, with Vietnamese messages per field. */
import { IDENTITY_LIMITS, Identity } from '../../../shared/contract/index.ts';
import { vi } from '../../i18n/vi.ts';

export type IdentityField = 'name' | 'position' | 'agency' | 'role';

export interface IdentityDraft {
  name: string;
  position: string;
  agency: string;
  role: string;
  /** The roster member chosen on the list (absent or null: free entry). */
  memberId?: string | null;
}

export const EMPTY_DRAFT: IdentityDraft = { name: '', position: '', agency: '', role: '' };

const REQUIRED: Record<IdentityField, string> = {
  name: vi.identity.errors.nameRequired,
  position: vi.identity.errors.positionRequired,
  agency: vi.identity.errors.agencyRequired,
  role: vi.identity.errors.roleRequired,
};

export type IdentityCheck =
  | { ok: true; identity: Identity }
  | { ok: false; errors: Partial<Record<IdentityField, string>> };

export function validateIdentity(draft: IdentityDraft): IdentityCheck {
  const parsed = Identity.safeParse(draft);
  if (parsed.success) return { ok: true, identity: parsed.data };
  const errors: Partial<Record<IdentityField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'name' && field !== 'position' && field !== 'agency' && field !== 'role') continue;
    if (errors[field]) continue;
    if (field === 'role' || issue.code === 'too_small') errors[field] = REQUIRED[field];
    else if (issue.code === 'too_big') errors[field] = vi.identity.errors.tooLong(IDENTITY_LIMITS[field]);
    else errors[field] = vi.identity.errors.invalid;
  }
  return { ok: false, errors };
}
