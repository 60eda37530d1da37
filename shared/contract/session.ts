/** `session.*`: who is using this copy of the app (a council member or the secretariat). */
import { z } from 'zod';
import { defineMethod } from './define.ts';
import { NoInput, requiredText } from './common.ts';
import { RosterMember } from './workspace.ts';

export const MEMBER_ROLES = ['member', 'secretariat'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const IDENTITY_LIMITS = { name: 100, position: 150, agency: 200 } as const;

export const Identity = z.strictObject({
  /** Họ và tên */
  name: requiredText(IDENTITY_LIMITS.name),
  /** Chức vụ */
  position: requiredText(IDENTITY_LIMITS.position),
  /** Cơ quan */
  agency: requiredText(IDENTITY_LIMITS.agency),
  /** Thành viên Hội đồng | Cơ quan thường trực */
  role: MemberRole,
  /**
   * The roster entry of the open cycle this installation acts as. Omitted: the core links
   * the roster member of the same name and role, if there is one.
   */
  memberId: z.string().trim().min(1).max(80).nullable().optional(),
});
export type Identity = z.infer<typeof Identity>;

export const SessionState = z.strictObject({
  /** null until the first-run screen has been completed. */
  identity: Identity.nullable(),
  /** The roster member the identity is linked to in the open cycle; null: read-only. */
  member: RosterMember.nullable(),
});
export type SessionState = z.infer<typeof SessionState>;

export const session = {
  get: defineMethod({ input: NoInput, output: SessionState }),
  setIdentity: defineMethod({ input: Identity, output: SessionState, mutates: true }),
};
