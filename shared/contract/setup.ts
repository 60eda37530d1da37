/**
 * `setup.*`: setting up a cycle (the secretariat only): cycles (list, create, make current,
 * a group's framework), units (import with preview, add, rename, reorder, remove), the roster
 * (import with preview, add, edit, remove, a key by fingerprint; a key file goes through
 * secretariat.inspectKey / registerKey). Files arrive as upload tickets (files.upload).
 */
import { z } from 'zod';
import { NoInput, requiredText } from './common.ts';
import { defineMethod } from './define.ts';
import { Ticket } from './files.ts';

const Id = z.string().min(1).max(120);
const Text = (max: number) => z.string().max(max);
const GroupCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const Fields = z.array(z.string().regex(/^[0-9A-Za-z.]{1,12}$/)).max(40);

const SetupGroup = z.strictObject({
  code: z.string(),
  label: z.string(),
  shortLabel: z.string(),
  sortOrder: z.number().int(),
  fields: z.array(z.string()),
  frameworkHash: z.string().nullable(),
  frameworkName: z.string().nullable(),
  sample: z.boolean().nullable(),
});

export const SetupCycle = z.strictObject({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  province: z.string(),
  precision: z.number().int(),
  status: z.enum(['open', 'finalised']),
  createdAt: z.string(),
  decision: z.string(),
  councilDecision: z.string(),
  current: z.boolean(),
  previousCycleId: z.string().nullable(),
  groups: z.array(SetupGroup),
  units: z.number().int(),
  members: z.number().int(),
  appraisalStarted: z.enum(['package', 'appraisal', 'final']).nullable(),
});
export type SetupCycle = z.infer<typeof SetupCycle>;

const GroupPreset = z.strictObject({
  code: z.string(),
  label: z.string(),
  shortLabel: z.string(),
  fields: z.array(z.string()),
});

const SetupOverview = z.strictObject({ cycles: z.array(SetupCycle), presets: z.array(GroupPreset) });

const GroupInput = z.union([
  z.strictObject({ preset: GroupCode, frameworkTicket: Ticket.optional() }),
  z.strictObject({
    code: GroupCode,
    label: requiredText(200),
    shortLabel: Text(60),
    fields: Fields.optional(),
    frameworkTicket: Ticket.optional(),
  }),
]);

const CreateCycleInput = z.strictObject({
  name: requiredText(200),
  year: z.number().int().min(2000).max(2100),
  province: requiredText(100),
  precision: z.number().int().min(0).max(6),
  decision: Text(1000),
  councilDecision: Text(1000),
  groups: z.array(GroupInput).min(1).max(20),
  takeFrom: z.strictObject({ cycleId: Id, results: z.boolean() }).optional(),
});

const SetupUnit = z.strictObject({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  sortOrder: z.number().int(),
  shortName: z.string(),
  head: z.string(),
  contact: z.string(),
});

const UnitsView = z.strictObject({ cycle: SetupCycle, units: z.array(SetupUnit) });

const UnitsPreview = z.strictObject({
  file: z.string(),
  sha256: z.string(),
  rows: z.array(
    z.strictObject({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      shortName: z.string(),
      head: z.string(),
      contact: z.string(),
      existing: z.boolean(),
    }),
  ),
  added: z.number().int(),
  updated: z.number().int(),
  byGroup: z.record(z.string(), z.number().int()),
  committed: z.boolean(),
});

const UnitPatch = z.strictObject({
  name: Text(300).optional(),
  shortName: Text(100).optional(),
  head: Text(200).optional(),
  contact: Text(300).optional(),
});

const CouncilRole = z.enum(['chair', 'vice_chair', 'member', 'secretary']);
const RosterRole = z.enum(['chair', 'vice_chair', 'member', 'secretary', 'secretariat']);

const SetupMember = z.strictObject({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  agency: z.string(),
  role: z.enum(['member', 'secretariat']),
  councilRole: CouncilRole,
  fields: z.array(z.string()),
  fingerprint: z.string().nullable(),
  display: z.string().nullable(),
});

const RosterView = z.strictObject({
  cycle: SetupCycle,
  members: z.array(SetupMember),
  fields: z.array(z.string()),
});

const RosterPreview = z.strictObject({
  file: z.string(),
  sha256: z.string(),
  rows: z.array(
    z.strictObject({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      position: z.string(),
      agency: z.string(),
      role: z.enum(['member', 'secretariat']),
      councilRole: CouncilRole,
      fields: z.array(z.string()),
      existing: z.boolean(),
    }),
  ),
  added: z.number().int(),
  updated: z.number().int(),
  committed: z.boolean(),
});

const MemberInput = z.strictObject({
  name: requiredText(200),
  position: Text(300),
  agency: Text(300),
  role: RosterRole,
  fields: Fields,
});

export const setup = {
  overview: defineMethod({ input: NoInput, output: SetupOverview }),
  createCycle: defineMethod({ input: CreateCycleInput, output: SetupCycle, mutates: true }),
  setCurrent: defineMethod({ input: z.strictObject({ cycleId: Id }), output: SetupCycle, mutates: true }),
  setFramework: defineMethod({
    input: z.strictObject({ group: GroupCode, ticket: Ticket.nullable() }),
    output: SetupCycle,
    mutates: true,
  }),
  units: defineMethod({ input: NoInput, output: UnitsView }),
  previewUnits: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: UnitsPreview }),
  commitUnits: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: UnitsPreview, mutates: true }),
  addUnit: defineMethod({
    input: z.strictObject({
      name: requiredText(300),
      group: GroupCode,
      shortName: Text(100).optional(),
      head: Text(200).optional(),
      contact: Text(300).optional(),
    }),
    output: SetupUnit,
    mutates: true,
  }),
  editUnit: defineMethod({ input: z.strictObject({ unitId: Id, patch: UnitPatch }), output: SetupUnit, mutates: true }),
  reorderUnits: defineMethod({
    input: z.strictObject({ unitIds: z.array(Id).max(2000) }),
    output: UnitsView,
    mutates: true,
  }),
  removeUnit: defineMethod({ input: z.strictObject({ unitId: Id }), output: UnitsView, mutates: true }),
  roster: defineMethod({ input: NoInput, output: RosterView }),
  previewRoster: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: RosterPreview }),
  commitRoster: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: RosterPreview, mutates: true }),
  addMember: defineMethod({ input: MemberInput, output: SetupMember, mutates: true }),
  editMember: defineMethod({
    input: z.strictObject({ memberId: Id, patch: MemberInput.partial() }),
    output: SetupMember,
    mutates: true,
  }),
  removeMember: defineMethod({ input: z.strictObject({ memberId: Id }), output: RosterView, mutates: true }),
  registerFingerprint: defineMethod({
    input: z.strictObject({ memberId: Id, fingerprint: z.string().min(1).max(200) }),
    output: SetupMember,
    mutates: true,
  }),
};
