/** `workspace.*`: the member's home — the cycle, his fields, progress per unit. */
import { z } from 'zod';
import { defineMethod } from './define.ts';
import { NoInput } from './common.ts';
import { Dec, UnitGroupSchema, UnitGroupInfoSchema } from './scoring.ts';

export const RosterMember = z.strictObject({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  agency: z.string(),
  role: z.enum(['member', 'secretariat']),
  fields: z.array(z.string()),
});
export type RosterMember = z.infer<typeof RosterMember>;

export const CycleSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  province: z.string(),
  status: z.enum(['open', 'finalised']),
  precision: z.number().int(),
  /** The cycle's unit groups, in order (labels for every screen). */
  groups: z.array(UnitGroupInfoSchema),
  /** The demo cycle ("Dữ liệu minh họa"): illustrative data, labelled as such on every screen. */
  demo: z.boolean().optional(),
});

/** A field assigned to me; `groups`: the groups I appraise it in, null for every group. */
const MyField = z.strictObject({ code: z.string(), title: z.string(), groups: z.array(UnitGroupSchema).nullable() });

export const UnitProgress = z.strictObject({
  id: z.string(),
  name: z.string(),
  group: UnitGroupSchema,
  /** Sub-criteria in my fields that apply (not exempted). */
  total: z.number().int(),
  /** Of those, appraised by me. */
  appraised: z.number().int(),
  /** Exemptions in my fields (proposed or approved). */
  exemptions: z.number().int(),
  /** Sub-criteria in my fields with no evidence document in the dossier. */
  withoutEvidence: z.number().int(),
  /** The unit's current index (provisional where not appraised). */
  index: Dec,
  classification: z.number().int().min(1).max(5),
  /** False while survey points are missing: index and group are not yet computable. */
  computable: z.boolean(),
});
export type UnitProgress = z.infer<typeof UnitProgress>;

export const Overview = z.strictObject({
  cycle: CycleSummary,
  /** The roster member this installation acts as, or null (secretariat without a roster entry). */
  me: RosterMember.nullable(),
  myFields: z.array(MyField),
  units: z.array(UnitProgress),
});
export type Overview = z.infer<typeof Overview>;

export const workspace = {
  roster: defineMethod({
    input: NoInput,
    output: z.strictObject({ cycle: CycleSummary, members: z.array(RosterMember) }),
  }),
  overview: defineMethod({ input: NoInput, output: Overview }),
};
