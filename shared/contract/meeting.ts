/** The council meeting the minutes record, and the meeting namespace that reads and saves it. */
import { z } from 'zod';
import { NoInput } from './common.ts';
import { defineMethod } from './define.ts';

const Id = z.string().trim().min(1).max(80);
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

// ---------------------------------------------------------------- meeting

const Line = z.string().max(2000);
const ShortText = z.string().max(500);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DateTimeText = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const Attendance = z.strictObject({ memberId: Id, present: z.boolean(), note: z.string().max(500) });

/** The council meeting the minutes record (electron/core/report/meeting.ts). */
const MeetingSchema = z.strictObject({
  issuerParent: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  placeName: z.string(),
  documentDate: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  location: z.string(),
  legalBases: list(z.string()),
  chairName: z.string(),
  chairPosition: z.string(),
  secretaryName: z.string(),
  secretaryPosition: z.string(),
  otherAttendees: list(z.string()),
  contents: z.string(),
  conclusions: list(z.string()),
  copies: z.number().int().nullable(),
  attendance: list(z.strictObject({ memberId: z.string(), present: z.boolean(), note: z.string() })),
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
});
const MeetingPatchSchema = z.strictObject({
  issuerParent: ShortText.optional(),
  issuer: ShortText.optional(),
  docNumber: ShortText.optional(),
  placeName: ShortText.optional(),
  documentDate: DateText.nullable().optional(),
  startsAt: DateTimeText.nullable().optional(),
  endsAt: DateTimeText.nullable().optional(),
  location: ShortText.optional(),
  legalBases: z.array(Line).max(50).optional(),
  chairName: ShortText.optional(),
  chairPosition: ShortText.optional(),
  secretaryName: ShortText.optional(),
  secretaryPosition: ShortText.optional(),
  otherAttendees: z.array(ShortText).max(100).optional(),
  contents: z.string().max(20000).optional(),
  conclusions: z.array(Line).max(100).optional(),
  copies: z.number().int().min(1).max(99).nullable().optional(),
  attendance: z.array(Attendance).max(200).optional(),
});
export type MeetingPatch = z.input<typeof MeetingPatchSchema>;

/** The meeting with the roster it is filled from (members of the council, for attendance). */
export const MeetingWithRoster = z.strictObject({
  meeting: MeetingSchema,
  members: list(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      position: z.string(),
      agency: z.string(),
      fields: list(z.string()),
    }),
  ),
  /** Whether this installation may edit and print (secretariat role). */
  canEdit: z.boolean(),
});
export type MeetingWithRoster = z.infer<typeof MeetingWithRoster>;

export const meeting = {
  get: defineMethod({ input: NoInput, output: MeetingWithRoster }),
  save: defineMethod({ input: MeetingPatchSchema, output: MeetingWithRoster, mutates: true }),
};
