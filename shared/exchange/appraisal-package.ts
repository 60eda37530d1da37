/**
 * The appraisal package (member → secretariat): one JSON file
 *
 *   { "payload": AppraisalPayload, "signature": { "algorithm": "Ed25519", "publicKey": b64, "value": b64 } }
 *
 * The signature is Ed25519 over the UTF-8 bytes of the RFC 8785 canonical JSON of `payload`
 * (JCS; shared/exchange/jcs.ts). The package's identity, its
 * hash, is the sha256 (hex) of those same bytes. The file itself is written canonical too,
 * but any formatting of the same payload and signature is the same package.
 *
 * Every package is a full snapshot of the member's appraisal of the cycle: items absent from
 * a newer package were withdrawn. Packages of a member are numbered (`sequence`, from 1) and
 * chained (`previousPackageHash`, the hash of the member's previous package or null).
 *
 * Wire types are defined here and only here (not borrowed from the UI contract) so that the
 * format changes only with `version`.
 */
import { ASSIGNMENT_PATTERN } from '../council/assignment.ts';
import { z } from 'zod';
import { GROUP_CODE_PATTERN } from '../framework/groups.ts';
import {
  HEX64_RE,
  ID_RE,
  INPUT_KEY_RE,
  ISO_TIME_RE,
  NODE_CODE_RE,
  RATIONAL_RE,
  isPlainValidItem,
  isRealIsoTime,
} from './appraisal-item-rules.ts';

export const APPRAISAL_FORMAT = 'cchc-appraisal';
export const APPRAISAL_VERSION = 1;
/**
 * The size cap of an appraisal package, against hostile files (the file is read whole and
 * parsed before anything else). A member's package holds at most one item per unit and
 * counted sub-criterion of his fields, ~175 bytes each without a comment, so the cap grows
 * with the cycle: 400 bytes per unit × sub-criterion of the largest open cycle in the store
 * (appraisalMaxBytes), never under APPRAISAL_MAX_BYTES (20 MB: 40 units × 120 sub-criteria
 * with long comments fit in ~3 MB) nor over APPRAISAL_CEILING_BYTES (160 MB: parsing it
 * takes about 1 GB of memory; a 10,000-unit cycle's largest package of a member holding
 * five fields is ~45 MB). Without a store (`verify` with no --db) the cap is the ceiling.
 */
const APPRAISAL_MAX_BYTES = 20 * 1024 * 1024;
export const APPRAISAL_CEILING_BYTES = 160 * 1024 * 1024;
const APPRAISAL_BYTES_PER_LEAF = 400;
/** Most items a package may hold: 10,000 units × 120 sub-criteria (within the ceiling's bytes). */
const APPRAISAL_MAX_ITEMS = 1_200_000;

/** The cap for a store whose largest open cycle has `unitLeaves` units × counted sub-criteria. */
export function appraisalMaxBytes(unitLeaves: number): number {
  return Math.min(APPRAISAL_CEILING_BYTES, Math.max(APPRAISAL_MAX_BYTES, unitLeaves * APPRAISAL_BYTES_PER_LEAF));
}
/** Suggested file name ending. */
const APPRAISAL_EXTENSION = '.cchc-appraisal.json';

export const Hex64 = z.string().regex(HEX64_RE, 'mã băm sha256 (64 chữ số hex thường)');
/** Canonical base64 of exactly 32 bytes / 64 bytes (re-encoding is checked where bytes are decoded). */
export const Base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'khóa công khai Ed25519 (base64 của 32 byte)');
const Base64Signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'chữ ký Ed25519 (base64 của 64 byte)');
export const Id = z.string().min(1).max(80).regex(ID_RE, 'mã không chứa ký tự điều khiển');
export const NodeCode = z.string().max(40).regex(NODE_CODE_RE, 'mã tiêu chí dạng 1.2.3');
/** A field assignment entry: "3" (every group) or "commune:3" (one group). */
export const AssignmentEntry = z.string().max(51).regex(ASSIGNMENT_PATTERN, 'lĩnh vực phân công (3 hoặc nhóm:3)');
export const IsoTime = z
  .string()
  .max(40)
  .regex(ISO_TIME_RE, 'thời điểm ISO 8601')
  .refine(isRealIsoTime, 'thời điểm không có thật (tháng, ngày, giờ, phút hoặc giây ngoài giới hạn)');
/** An exact score as the store writes it: "3", "-1", "2/3". */
export const RationalText = z.string().max(90).regex(RATIONAL_RE, 'điểm dạng phân số "n/d"');

const InputValue = z.union([z.number(), z.string().max(100), z.boolean()]);
/** A scoring kind's input: a flat record ({met}, {tier}, {a, b}, {percent}…); scoreNode checks its meaning. */
export const ScoreInputData = z
  .record(z.string().regex(INPUT_KEY_RE), InputValue)
  .refine((r) => Object.keys(r).length <= 8, 'tối đa 8 số liệu');
export type ScoreInputData = z.infer<typeof ScoreInputData>;

export const EvidenceRefData = z.strictObject({
  sha256: Hex64,
  page: z.number().int().positive().max(100_000).nullable(),
  title: z.string().max(300),
  fileName: z.string().max(255),
});
export type EvidenceRefData = z.infer<typeof EvidenceRefData>;

const ExemptionProposalData = z.strictObject({
  reason: z
    .string()
    .max(1000)
    .refine((s) => s.trim().length > 0, 'phải có lý do'),
  legalBasis: z.string().max(500),
});
export const AppraisalItem = z
  .strictObject({
    unitId: Id,
    nodeCode: NodeCode,
    /** The kind's input, or null when the member only commented, cited evidence or proposed an exemption. */
    input: ScoreInputData.nullable(),
    /** The score computed from the input (exact "n/d"); the secretariat recomputes and compares. */
    score: RationalText.nullable(),
    comment: z.string().max(2000),
    evidence: z.array(EvidenceRefData).max(50),
    /** A proposed lowered benchmark (hạ điểm chuẩn) with its reason and legal basis. */
    exemption: ExemptionProposalData.nullable(),
    updatedAt: IsoTime,
  })
  .refine((a) => (a.input === null) === (a.score === null), 'số liệu và điểm phải cùng có hoặc cùng không');
export type AppraisalItem = z.infer<typeof AppraisalItem>;

/**
 * An item of a package, checked fast (a package holds up to a million): an item that
 * isPlainValidItem passes is one AppraisalItem accepts, taken as it is; any other goes
 * through AppraisalItem, whose issues (paths and messages) are reported as they are.
 */
const CheckedItem = z.custom<AppraisalItem>().superRefine((v, ctx) => {
  if (isPlainValidItem(v)) return;
  const r = AppraisalItem.safeParse(v);
  if (!r.success)
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
});

export const ConflictDeclaration = z.strictObject({
  unitId: Id,
  reason: z
    .string()
    .max(1000)
    .refine((s) => s.trim().length > 0, 'phải có lý do'),
  declaredAt: IsoTime,
});
export type ConflictDeclaration = z.infer<typeof ConflictDeclaration>;

const GroupHashes = z
  .record(z.string().regex(GROUP_CODE_PATTERN), Hex64)
  .refine((r) => Object.keys(r).length <= 20, 'quá nhiều nhóm');

export const AppraisalPayload = z
  .strictObject({
    format: z.literal(APPRAISAL_FORMAT),
    version: z.literal(APPRAISAL_VERSION),
    cycleId: Id,
    /** Content hash of the cycle's framework per unit group. */
    frameworks: GroupHashes,
    member: z.strictObject({ id: Id, name: z.string().max(200) }),
    /** sha256 of the signing key (must be the member's key on the roster). */
    keyFingerprint: Hex64,
    scope: z.strictObject({ fields: z.array(AssignmentEntry).max(400) }),
    sequence: z.number().int().min(1).max(1_000_000_000),
    previousPackageHash: Hex64.nullable(),
    createdAt: IsoTime,
    appraisals: z.array(CheckedItem).max(APPRAISAL_MAX_ITEMS),
    conflictsOfInterest: z.array(ConflictDeclaration).max(1000),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const [i, a] of p.appraisals.entries()) {
      // An item that is not even an object was reported above (CheckedItem lets the check go on).
      if (typeof a !== 'object' || a === null) continue;
      const k = `${a.unitId}\u001f${a.nodeCode}`;
      if (seen.has(k))
        ctx.addIssue({
          code: 'custom',
          path: ['appraisals', i],
          message: `trùng tiêu chí ${a.nodeCode} của đơn vị ${a.unitId}`,
        });
      seen.add(k);
    }
    const units = new Set<string>();
    for (const [i, c] of p.conflictsOfInterest.entries()) {
      if (units.has(c.unitId))
        ctx.addIssue({
          code: 'custom',
          path: ['conflictsOfInterest', i],
          message: `trùng khai báo cho đơn vị ${c.unitId}`,
        });
      units.add(c.unitId);
    }
    if (new Set(p.scope.fields).size !== p.scope.fields.length)
      ctx.addIssue({ code: 'custom', path: ['scope', 'fields'], message: 'trùng lĩnh vực' });
  });
export type AppraisalPayload = z.infer<typeof AppraisalPayload>;

export const SignatureBlock = z.strictObject({
  algorithm: z.literal('Ed25519'),
  publicKey: Base64Key,
  value: Base64Signature,
});
export type SignatureBlock = z.infer<typeof SignatureBlock>;

/** A short Vietnamese description of the first schema problems (for the refusal message). */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => {
    const path = i.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return path ? `${path}: ${i.message}` : i.message;
  });
  const more = issues.length > max ? ` (và ${issues.length - max} lỗi khác)` : '';
  return parts.join('; ') + more;
}

/** `<cycle>_<member>_<sequence>.cchc-appraisal.json`, safe on every file system. */
export function appraisalFileName(cycleId: string, memberId: string, sequence: number): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z._-]+/g, '-').slice(0, 60);
  return `${safe(cycleId)}_${safe(memberId)}_${String(sequence).padStart(3, '0')}${APPRAISAL_EXTENSION}`;
}
