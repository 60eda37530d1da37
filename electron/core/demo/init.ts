/**
 * Puts the demo cycle "Sóc Trăng 2023" into a store: the default (sample) frameworks,
 * the 40 units with their two-round self-assessment dossiers, approved lowered
 * benchmarks, survey points, the council and the secretariat, and the evidence
 * documents (small generated PDFs) stored by hash in the data folder. One transaction.
 */
import { serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { buildTree } from '../../../shared/framework/tree.ts';
import { type GroupPresetCode, GROUPS_2023, presetGroups } from '../../../shared/framework/groups.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { putCycleGroup } from '../db/repos/groups.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getCycle, insertCycle } from '../db/repos/cycles.ts';
import { attachDossierEvidence, upsertDossierItem } from '../db/repos/dossiers.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import { upsertExemption } from '../db/repos/exemptions.ts';
import { putFramework, setCycleFramework } from '../db/repos/frameworks.ts';
import { insertMember } from '../db/repos/members.ts';
import { putSurveyPoints } from '../db/repos/survey.ts';
import { insertUnit } from '../db/repos/units.ts';
import { mimeOf, storeEvidenceBytes } from '../evidence/files.ts';
import { loadDefaultFrameworks } from '../framework/defaults.ts';
import { frameworkHash } from '../framework/hash.ts';
import { miniPdf } from './mini-pdf.ts';
import { type DemoCycle, buildDemoCycle } from './soc-trang-2023.ts';

export const DEMO_CYCLE_ID = 'soc-trang-2023';
export const DEMO_SECRETARIAT_ID = `${DEMO_CYCLE_ID}-thuong-truc`;
const DEMO_TIME = '2024-02-20T08:00:00.000Z';

export const demoUnitId = (code: string) => `${DEMO_CYCLE_ID}-${code}`;
const demoMemberId = (code: string) => `${DEMO_CYCLE_ID}-${code}`;

export interface InitDemoResult {
  readonly cycleId: string;
  readonly units: number;
  readonly items: number;
  readonly documents: number;
}

/** The text of a generated evidence document: a cover page and as many pages as are cited. */
function documentPages(unitName: string, title: string, pages: number): string[][] {
  const out: string[][] = [
    [title, unitName, 'Tai lieu kiem chung (ban mo phong cho du lieu mau).', `So trang: ${pages}`],
  ];
  for (let p = 2; p <= pages; p++) out.push([`${title} - trang ${p}`, unitName, `Noi dung trang ${p} cua tai lieu.`]);
  return out;
}

export function initDemo(
  db: Db,
  dataDir: string,
  frameworks: Record<GroupPresetCode, Framework> = loadDefaultFrameworks(),
  demo: DemoCycle = buildDemoCycle(frameworks),
): InitDemoResult {
  if (getCycle(db, DEMO_CYCLE_ID)) {
    throw new CodedFailure('DEMO_EXISTS', `Cơ sở dữ liệu đã có kỳ đánh giá mẫu “${demo.cycle.name}”.`);
  }
  const trees = new Map<string, ReturnType<typeof buildTree>>(GROUPS_2023.map((g) => [g, buildTree(frameworks[g])]));

  // Evidence documents first: content-addressed files, harmless if the transaction below fails.
  const docs = new Map<string, { sha256: string; title: string; fileName: string; size: number }>();
  for (const unit of demo.units) {
    const cited = new Map<string, { title: string; pages: number }>();
    for (const e of unit.entries) {
      for (const ev of e.evidence) {
        const seen = cited.get(ev.fileName);
        cited.set(ev.fileName, { title: ev.title, pages: Math.max(seen?.pages ?? 1, ev.page) });
      }
    }
    for (const [fileName, { title, pages }] of cited) {
      const bytes = miniPdf(documentPages(unit.name, title, pages));
      docs.set(`${unit.code}/${fileName}`, {
        sha256: storeEvidenceBytes(dataDir, bytes),
        title,
        fileName,
        size: bytes.byteLength,
      });
    }
  }

  let items = 0;
  // What the audit check compares the demo's dossiers, exemptions and survey points with (one row, cycle.init-demo).
  const baseline = {
    dossiers: {} as Record<string, Record<string, [string | null, string | null]>>,
    exemptions: {} as Record<string, string>,
    survey: {} as Record<string, string>,
  };
  tx(db, () => {
    insertCycle(db, {
      id: DEMO_CYCLE_ID,
      name: demo.cycle.name,
      year: demo.cycle.year,
      province: demo.cycle.province,
      precision: 2,
      createdAt: DEMO_TIME,
    });
    for (const group of presetGroups(GROUPS_2023)) putCycleGroup(db, DEMO_CYCLE_ID, group);
    for (const g of GROUPS_2023) {
      const hash = frameworkHash(frameworks[g]);
      putFramework(db, hash, frameworks[g]);
      setCycleFramework(db, DEMO_CYCLE_ID, g, hash);
    }
    insertMember(db, {
      id: DEMO_SECRETARIAT_ID,
      cycleId: DEMO_CYCLE_ID,
      name: demo.council.secretariat.name,
      position: demo.council.secretariat.position,
      agency: demo.council.secretariat.agency,
      role: 'secretariat',
      publicKey: null,
      fingerprint: null,
      fields: [],
    });
    for (const m of demo.council.members) {
      insertMember(db, {
        id: demoMemberId(m.code),
        cycleId: DEMO_CYCLE_ID,
        name: m.name,
        position: m.position,
        agency: m.agency,
        role: 'member',
        publicKey: null,
        fingerprint: null,
        fields: m.fields,
      });
    }
    const evidenceIds = new Map<string, number>();
    for (const unit of demo.units) {
      const unitId = demoUnitId(unit.code);
      insertUnit(db, { id: unitId, cycleId: DEMO_CYCLE_ID, name: unit.name, group: unit.group, sortOrder: unit.order });
      const tree = trees.get(unit.group)!;
      for (const e of unit.entries) {
        const node = tree.byCode.get(e.nodeCode);
        if (!node?.scoring) throw new Error(`demo entry ${unit.code}/${e.nodeCode} is not a leaf`);
        const score = (input: unknown) => {
          const r = scoreNode(node.scoring!, node.maxPoints, input);
          if (!r.ok) throw new Error(`demo entry ${unit.code}/${e.nodeCode}: ${r.error.message}`);
          return serialize(r.value);
        };
        upsertDossierItem(db, {
          unitId,
          nodeCode: e.nodeCode,
          round1Input: e.round1,
          round1Score: score(e.round1),
          round2Input: e.round2,
          round2Score: score(e.round2),
          declared: e.figures ? { a: e.figures.a, b: e.figures.b } : null,
          explanation: e.explanation,
        });
        (baseline.dossiers[unitId] ??= {})[e.nodeCode] = [score(e.round1), score(e.round2)];
        items += 1;
        for (const ev of e.evidence) {
          const key = `${unit.code}/${ev.fileName}`;
          let id = evidenceIds.get(key);
          if (id === undefined) {
            const doc = docs.get(key)!;
            id = putEvidence(db, {
              cycleId: DEMO_CYCLE_ID,
              sha256: doc.sha256,
              title: doc.title,
              fileName: doc.fileName,
              size: doc.size,
              mime: mimeOf(doc.fileName),
            });
            evidenceIds.set(key, id);
          }
          attachDossierEvidence(db, unitId, e.nodeCode, id, ev.page);
        }
      }
      for (const x of unit.exemptions) {
        upsertExemption(db, {
          unitId,
          nodeCode: x.nodeCode,
          reason: x.reason,
          legalBasis: x.legalBasis,
          proposedBy: DEMO_SECRETARIAT_ID,
          status: 'approved',
          decidedBy: DEMO_SECRETARIAT_ID,
          decisionReason: 'Hội đồng thẩm định thống nhất hạ điểm chuẩn',
          createdAt: DEMO_TIME,
          decidedAt: DEMO_TIME,
        });
        baseline.exemptions[`${unitId}/${x.nodeCode}`] = 'approved';
      }
      putSurveyPoints(db, {
        unitId,
        source: 'cbccvc',
        points: unit.survey.cbccvc,
        respondents: null,
        importedAt: DEMO_TIME,
      });
      putSurveyPoints(db, {
        unitId,
        source: 'sipas',
        points: unit.survey.sipas,
        respondents: null,
        importedAt: DEMO_TIME,
      });
      baseline.survey[`${unitId}/cbccvc`] = unit.survey.cbccvc;
      baseline.survey[`${unitId}/sipas`] = unit.survey.sipas;
    }
    appendAudit(db, {
      actor: DEMO_SECRETARIAT_ID,
      action: 'cycle.init-demo',
      entity: 'cycle',
      entityId: DEMO_CYCLE_ID,
      after: { name: demo.cycle.name, units: demo.units.length, items, baseline },
      reason: 'Khởi tạo dữ liệu mẫu',
    });
  });
  return { cycleId: DEMO_CYCLE_ID, units: demo.units.length, items, documents: docs.size };
}
