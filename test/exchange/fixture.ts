/**
 * A small cycle for exchange tests: a district framework with fields 1 (tick 1.1;
 * proportional 1.2, exemptable), 2 (tick 2.1; tick 2.2, exemptable) and 8 (surveys);
 * three units; members m1 (field 1), m2 (fields 1 and 2), m3 (field 2) and the
 * secretariat; each with an Ed25519 key registered on the roster.
 */
import { putCycleGroup } from '../../electron/core/db/repos/groups.ts';
import { GROUP_PRESETS } from '../../shared/framework/groups.ts';
import { appendAudit } from '../../electron/core/db/repos/audit.ts';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, openDatabase, tx } from '../../electron/core/db/connection.ts';
import { attachDossierEvidence, upsertDossierItem } from '../../electron/core/db/repos/dossiers.ts';
import { insertCycle } from '../../electron/core/db/repos/cycles.ts';
import { putFramework, setCycleFramework } from '../../electron/core/db/repos/frameworks.ts';
import { insertMember } from '../../electron/core/db/repos/members.ts';
import { putSurveyPoints } from '../../electron/core/db/repos/survey.ts';
import { insertUnit } from '../../electron/core/db/repos/units.ts';
import { importEvidenceBytes } from '../../electron/core/evidence/files.ts';
import { encodeAppraisalPackage } from '../../electron/core/exchange/appraisal-file.ts';
import { type Signer, generateSigner } from '../../electron/core/exchange/keys.ts';
import { frameworkHash } from '../../electron/core/framework/hash.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import type { AppraisalPayload } from '../../shared/exchange/appraisal-package.ts';
import type { Framework } from '../../shared/framework/types.ts';

const G = ['district'] as const;
const node = (
  code: string,
  parent: string | null,
  title: string,
  maxPoints: string,
  extra: Partial<Framework['nodes'][number]> = {},
) => ({
  code,
  parent,
  title,
  maxPoints,
  groups: G,
  exemptable: false,
  guide: '',
  evidence: '',
  ...extra,
});

const framework: Framework = {
  name: 'Bộ tiêu chí thử nghiệm trao đổi',
  year: 2023,
  group: 'district',
  sample: true,
  nodes: [
    node('1', null, 'Công tác chỉ đạo, điều hành', '3'),
    node('1.1', '1', 'Kế hoạch CCHC năm', '1', { scoring: { kind: 'tick' } }),
    node('1.2', '1', 'Văn bản QPPL ban hành đúng hạn', '2', { scoring: { kind: 'proportional' }, exemptable: true }),
    node('2', null, 'Cải cách thể chế', '2'),
    node('2.1', '2', 'Kiểm tra, rà soát văn bản', '1', { scoring: { kind: 'tick' } }),
    node('2.2', '2', 'Theo dõi thi hành pháp luật', '1', { scoring: { kind: 'tick' }, exemptable: true }),
    node('8', null, 'Tác động của CCHC', '20'),
    node('8.1', '8', 'Khảo sát CBCCVC', '10', { scoring: { kind: 'survey', source: 'cbccvc' } }),
    node('8.2', '8', 'Chỉ số SIPAS', '10', { scoring: { kind: 'survey', source: 'sipas' } }),
  ],
};

export const CYCLE = 'st-2023';
const UNITS = ['u1', 'u2', 'u3'] as const;
const LEAVES = ['1.1', '1.2', '2.1', '2.2'] as const;

export interface Keys {
  readonly m1: Signer;
  readonly m2: Signer;
  readonly m3: Signer;
  readonly sec: Signer;
}

export function makeKeys(): Keys {
  return { m1: generateSigner(), m2: generateSigner(), m3: generateSigner(), sec: generateSigner() };
}

/** The secretariat's store for the test cycle, in `dir` (store.sqlite, evidence under dir). */
export function secretariatStore(dir: string, keys: Keys): Db {
  const db = openDatabase(join(dir, 'store.sqlite'));
  const hash = frameworkHash(framework);
  tx(db, () => {
    insertCycle(db, { id: CYCLE, name: 'Sóc Trăng 2023 (thử)', year: 2023, province: 'Sóc Trăng', precision: 2 });
    putCycleGroup(db, CYCLE, { ...GROUP_PRESETS.district, sortOrder: 1 });
    putFramework(db, hash, framework);
    setCycleFramework(db, CYCLE, 'district', hash);
    UNITS.forEach((id, i) =>
      insertUnit(db, { id, cycleId: CYCLE, name: `UBND huyện ${'ABC'[i]}`, group: 'district', sortOrder: i + 1 }),
    );
    const member = (id: keyof Keys, name: string, role: 'member' | 'secretariat', fields: string[]) =>
      insertMember(db, {
        id,
        cycleId: CYCLE,
        name,
        position: 'Phó Giám đốc',
        agency: 'Sở',
        role,
        publicKey: keys[id].publicKey,
        fingerprint: keys[id].fingerprint,
        fields,
      });
    member('m1', 'Nguyễn Văn An', 'member', ['1']);
    member('m2', 'Trần Thị Bình', 'member', ['1', '2']);
    member('m3', 'Lê Văn Cường', 'member', ['2']);
    member('sec', 'Sở Nội vụ', 'secretariat', []);
    for (const u of UNITS) {
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '1.1',
        round1Input: { met: true },
        round1Score: '1',
        round2Input: null,
        round2Score: null,
        declared: null,
        explanation: 'Có kế hoạch',
      });
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '1.2',
        round1Input: { a: 2, b: 3 },
        round1Score: '4/3',
        round2Input: null,
        round2Score: null,
        declared: { a: 2, b: 3 },
        explanation: '',
      });
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '2.1',
        round1Input: { met: true },
        round1Score: '1',
        round2Input: null,
        round2Score: null,
        declared: null,
        explanation: '',
      });
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '2.2',
        round1Input: { met: false },
        round1Score: '0',
        round2Input: null,
        round2Score: null,
        declared: null,
        explanation: '',
      });
      putSurveyPoints(db, {
        unitId: u,
        source: 'cbccvc',
        points: '8.5',
        respondents: 50,
        importedAt: '2024-01-01T00:00:00Z',
      });
      putSurveyPoints(db, {
        unitId: u,
        source: 'sipas',
        points: '7.25',
        respondents: 40,
        importedAt: '2024-01-01T00:00:00Z',
      });
      // As the survey import records them (audit-verify checks the points against the log).
      for (const [source, points] of [
        ['cbccvc', '8.5'],
        ['sipas', '7.25'],
      ] as const) {
        appendAudit(db, {
          actor: 'sec',
          action: 'survey.import',
          entity: 'survey_points',
          entityId: `${u}/${source}`,
          after: { points },
          at: '2024-01-01T00:00:00Z',
        });
      }
      for (const [i, code] of LEAVES.entries()) {
        const id = importEvidenceBytes(
          db,
          dir,
          CYCLE,
          `${u}-${code}.pdf`,
          Buffer.from(`%PDF-1.4 tài liệu ${u} ${code}\n`),
          `Tài liệu ${code} của ${u}`,
        );
        attachDossierEvidence(db, u, code, id, i + 1);
      }
    }
  });
  return db;
}

/** A member's working copy: a copy of the secretariat's store file (the cycle package test covers the real hand-over). */
export function memberCopy(source: Db, sourceDir: string, dir: string): Db {
  source.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(join(sourceDir, 'store.sqlite'), join(dir, 'store.sqlite'));
  return openDatabase(join(dir, 'store.sqlite'));
}

export function memberScope(db: Db, dir: string, memberId: string) {
  return makeScope(db, dir, CYCLE, memberId, 'member');
}

/** Row counts of every table an import may write, and of the audit log. */
export type Counts = Record<
  | 'exchange_packages'
  | 'appraisals'
  | 'appraisal_evidence'
  | 'final_scores'
  | 'exemptions'
  | 'conflicts_of_interest'
  | 'evidence'
  | 'audit_log'
  | 'cycle_snapshots',
  number
>;

export function counts(db: Db): Counts {
  const tables = [
    'exchange_packages',
    'appraisals',
    'appraisal_evidence',
    'final_scores',
    'exemptions',
    'conflicts_of_interest',
    'evidence',
    'audit_log',
    'cycle_snapshots',
  ];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  ) as Counts;
}

/** Re-signs a package file after `edit` changes its payload (with `signer`, the right key or not). */
export function resign(
  file: string,
  out: string,
  signer: Signer,
  edit: (p: AppraisalPayload) => void,
  keepFingerprint = false,
): string {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { payload: AppraisalPayload };
  const payload = structuredClone(doc.payload) as AppraisalPayload & { keyFingerprint: string };
  edit(payload);
  if (!keepFingerprint) payload.keyFingerprint = signer.fingerprint;
  writeFileSync(out, encodeAppraisalPackage(payload, signer).text);
  return out;
}
