/**
 * The cycle package (secretariat → members): one POSIX tar file (`.cchc-cycle.tar`) whose
 * entries are, in this order:
 *
 *   manifest.json      canonical JSON (RFC 8785): the cycle's identity, the revision, the
 *                      signer's key, and every other entry's path, size and sha256
 *   manifest.sig       { algorithm: "Ed25519", publicKey, value }: signature of manifest.json's bytes
 *   cycle.json         canonical JSON: frameworks, units, roster (members, keys, fields),
 *                      dossiers, evidence metadata, dossier evidence links, approved exemptions,
 *                      survey points and, once finalised, the council's results snapshot
 *   evidence/<sha256>  each evidence file, raw
 *
 * Why tar and not JSON with base64 blobs: evidence runs to hundreds of megabytes of scanned
 * PDFs; a tar streams (written and read in chunks, verified as it is read), carries files
 * raw (no 33% base64 growth, no whole-package string in memory, which V8 caps near 512 MiB),
 * and any tar tool can list it. The manifest comes first so a reader knows every expected
 * hash before the content and can refuse at the first byte that does not fit.
 *
 * The package's identity is the sha256 of manifest.json (which fixes every other byte).
 */
import { z } from 'zod';
import { GROUP_CODE_PATTERN } from '../framework/groups.ts';
import {
  Base64Key,
  AssignmentEntry,
  Hex64,
  Id,
  IsoTime,
  NodeCode,
  RationalText,
  SignatureBlock,
} from './appraisal-package.ts';

export const CYCLE_FORMAT = 'cchc-cycle';
export const CYCLE_MANIFEST_FORMAT = 'cchc-cycle-manifest';
export const CYCLE_VERSION = 2;
/** Largest cycle package: 2 GiB (scanned evidence of a province's 40 units fits with room). */
export const CYCLE_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** Largest manifest.json and cycle.json entries. */
export const CYCLE_MANIFEST_MAX_BYTES = 16 * 1024 * 1024;
export const CYCLE_CONTENT_MAX_BYTES = 256 * 1024 * 1024;
const CYCLE_EXTENSION = '.cchc-cycle.tar';

const ManifestEntry = z.strictObject({
  path: z
    .string()
    .max(100)
    .regex(/^(cycle\.json|evidence\/[0-9a-f]{64})$/),
  size: z.number().int().min(0).max(CYCLE_MAX_BYTES),
  sha256: Hex64,
});
export const CycleManifest = z
  .strictObject({
    format: z.literal(CYCLE_MANIFEST_FORMAT),
    version: z.literal(CYCLE_VERSION),
    cycleId: Id,
    revision: z.number().int().min(1).max(1_000_000),
    issuedAt: IsoTime,
    signer: z.strictObject({ publicKey: Base64Key, fingerprint: Hex64 }),
    entries: z.array(ManifestEntry).min(1).max(1_000_000),
  })
  .superRefine((m, ctx) => {
    if (m.entries[0]?.path !== 'cycle.json')
      ctx.addIssue({ code: 'custom', path: ['entries', 0], message: 'mục đầu tiên phải là cycle.json' });
    const seen = new Set<string>();
    for (const [i, e] of m.entries.entries()) {
      if (seen.has(e.path)) ctx.addIssue({ code: 'custom', path: ['entries', i], message: `trùng ${e.path}` });
      seen.add(e.path);
      if (e.path.startsWith('evidence/') && e.path.slice(9) !== e.sha256)
        ctx.addIssue({ code: 'custom', path: ['entries', i], message: 'tên tệp phải là mã băm của nó' });
    }
  });
export type CycleManifest = z.infer<typeof CycleManifest>;

export const ManifestSignature = SignatureBlock;

const Group = z.string().regex(GROUP_CODE_PATTERN);
const MAX_GROUPS = 20;
const Json: z.ZodType<unknown> = z.unknown();

export const CycleContent = z.strictObject({
  format: z.literal(CYCLE_FORMAT),
  version: z.literal(CYCLE_VERSION),
  cycle: z.strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    year: z.number().int().min(1900).max(9999),
    province: z.string().max(200),
    precision: z.number().int().min(0).max(6),
  }),
  revision: z.number().int().min(1),
  issuedAt: IsoTime,
  /** Frameworks by content hash; the importer recomputes each hash. */
  /** The cycle's unit groups: code, labels, order and fields appraised. */
  groups: z
    .array(
      z.strictObject({
        code: Group,
        label: z.string().min(1).max(200),
        shortLabel: z.string().min(1).max(100),
        sortOrder: z.number().int().min(0).max(1000),
        fields: z.array(z.string().min(1).max(20)).max(50),
      }),
    )
    .min(1)
    .max(MAX_GROUPS),
  frameworks: z.array(z.strictObject({ group: Group, hash: Hex64, framework: Json })).max(MAX_GROUPS),
  units: z
    .array(z.strictObject({ id: Id, name: z.string().min(1).max(300), group: Group, sortOrder: z.number().int() }))
    .max(10_000),
  roster: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1).max(200),
        position: z.string().max(200),
        agency: z.string().max(300),
        role: z.enum(['member', 'secretariat']),
        fields: z.array(AssignmentEntry).max(400),
        publicKey: Base64Key.nullable(),
        fingerprint: Hex64.nullable(),
      }),
    )
    .max(1000),
  dossiers: z
    .array(
      z.strictObject({
        unitId: Id,
        nodeCode: NodeCode,
        round1Input: Json,
        round1Score: RationalText.nullable(),
        round2Input: Json,
        round2Score: RationalText.nullable(),
        declared: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
        explanation: z.string().max(20_000),
      }),
    )
    .max(2_000_000),
  evidence: z
    .array(
      z.strictObject({
        sha256: Hex64,
        title: z.string().max(500),
        fileName: z.string().max(255),
        size: z.number().int().min(0).nullable(),
        mime: z.string().max(200).nullable(),
      }),
    )
    .max(1_000_000),
  dossierEvidence: z
    .array(
      z.strictObject({ unitId: Id, nodeCode: NodeCode, sha256: Hex64, page: z.number().int().positive().nullable() }),
    )
    .max(2_000_000),
  /** Lowered benchmarks the secretariat has approved. */
  exemptions: z
    .array(
      z.strictObject({
        unitId: Id,
        nodeCode: NodeCode,
        reason: z.string().min(1).max(1000),
        legalBasis: z.string().max(500),
        proposedBy: Id.nullable(),
        decidedBy: z.string().max(80).nullable(),
        decidedAt: IsoTime.nullable(),
      }),
    )
    .max(1_000_000),
  /**
   * Survey points (điểm ĐTXHH) the secretariat has imported, so that a member's indices are
   * the secretariat's. Absent in packages made before it was carried: the member's survey
   * points are then left alone (and the index shows as not yet computable without them).
   */
  surveyPoints: z
    .array(
      z.strictObject({
        unitId: Id,
        source: z.enum(['cbccvc', 'sipas']),
        points: RationalText,
        respondents: z.number().int().min(0).nullable(),
      }),
    )
    .max(100_000)
    .optional(),
  /**
   * The council's final results, in a package issued while the cycle is finalised: the stored
   * snapshot (canonical JSON, as hashed at finalisation) and its sha256. A member's machine
   * takes the council's final scores from it, so that its indices are the secretariat's, and
   * shows the results as final with the same hash. Absent while the cycle is open.
   */
  results: z
    .strictObject({
      finalisedAt: IsoTime,
      hash: Hex64,
      snapshot: z.string().min(2).max(CYCLE_CONTENT_MAX_BYTES),
    })
    .optional(),
});
export type CycleContent = z.infer<typeof CycleContent>;

/** `<cycle>_r<revision>.cchc-cycle.tar` */
export function cycleFileName(cycleId: string, revision: number): string {
  return `${cycleId.replace(/[^0-9A-Za-z._-]+/g, '-').slice(0, 60)}_r${String(revision).padStart(2, '0')}${CYCLE_EXTENSION}`;
}
