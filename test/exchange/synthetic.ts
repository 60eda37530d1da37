import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from '../../shared/decimal/rational.ts';
import {
  APPRAISAL_FORMAT,
  APPRAISAL_VERSION,
  type AppraisalItem,
  type AppraisalPayload,
  appraisalFileName,
} from '../../shared/exchange/appraisal-package.ts';
import { itemKey } from '../../shared/exchange/merge.ts';
import { scoreNode } from '../../shared/scoring/score.ts';
import { type Db, openDatabase, tx } from '../../electron/core/db/connection.ts';
import { insertMember } from '../../electron/core/db/repos/members.ts';
import { DEMO_CYCLE_ID } from '../../electron/core/demo/init.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { encodeAppraisalPackage } from '../../electron/core/exchange/appraisal-file.ts';
import { cycleContext, frameworkHashes } from '../../electron/core/exchange/cycle-context.ts';
import { type Signer, generateSigner } from '../../electron/core/exchange/keys.ts';

export interface SyntheticMember {
  readonly id: string;
  readonly fields: readonly string[];
  readonly signer: Signer;
}

export interface SyntheticPackage {
  readonly memberId: string;
  readonly fileName: string;
  readonly text: string;
  readonly packageHash: string;
  readonly payload: AppraisalPayload;
}

export interface SyntheticExchange {
  readonly db: Db;
  readonly dbPath: string;
  readonly cycleId: string;
  readonly members: readonly SyntheticMember[];
  readonly packages: readonly SyntheticPackage[];
}

export interface SyntheticOptions {
  /** Second appraisers, assigned to fields 1, 2, 3… in turn (default 8: 15 members with fields). */
  readonly extraMembers?: number;
  /** Only these members get a package (default all). */
  readonly only?: (m: SyntheticMember, index: number) => boolean;
  readonly disagreeEvery?: number;
  readonly createdAt?: string;
}

export function syntheticExchange(dir: string, options: SyntheticOptions = {}): SyntheticExchange {
  const dbPath = copyDemoStore(dir, 'store.sqlite');
  const db = openDatabase(dbPath);
  const cycleId = DEMO_CYCLE_ID;
  const extra = options.extraMembers ?? 8;
  const members: SyntheticMember[] = [];
  tx(db, () => {
    for (let i = 0; i < extra; i++) {
      insertMember(db, {
        id: `${cycleId}-x${String(i + 1).padStart(2, '0')}`,
        cycleId,
        name: `Thành viên bổ sung ${i + 1}`,
        position: 'Chuyên viên',
        agency: 'Sở Nội vụ',
        role: 'member',
        publicKey: null,
        fingerprint: null,
        fields: [String((i % 8) + 1)],
      });
    }
    const rows = db
      .prepare(
        'SELECT m.id, group_concat(f.field_code) AS fields FROM members m JOIN member_fields f ON f.member_id = m.id WHERE m.cycle_id = ? GROUP BY m.id ORDER BY m.id',
      )
      .all(cycleId) as {
      id: string;
      fields: string;
    }[];
    const setKey = db.prepare('UPDATE members SET public_key = ?, fingerprint = ? WHERE id = ?');
    for (const r of rows) {
      const signer = generateSigner();
      setKey.run(signer.publicKey, signer.fingerprint, r.id);
      members.push({ id: r.id, fields: r.fields.split(','), signer });
    }
  });

  const ctx = cycleContext(db, cycleId);
  const dossier = new Map<string, { r1: unknown; r2: unknown }>();
  for (const d of db
    .prepare('SELECT unit_id, node_code, round1_input, round2_input FROM dossier_items')
    .raw()
    .all() as [string, string, string | null, string | null][]) {
    dossier.set(itemKey(d[0], d[1]), {
      r1: d[2] === null ? null : JSON.parse(d[2]),
      r2: d[3] === null ? null : JSON.parse(d[3]),
    });
  }
  const evidence = new Map<string, AppraisalItem['evidence']>();
  for (const e of db
    .prepare(
      'SELECT de.unit_id AS u, de.node_code AS c, e.sha256, de.page, e.title, e.file_name AS fileName FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id ORDER BY e.sha256, de.page',
    )
    .all() as { u: string; c: string; sha256: string; page: number | null; title: string; fileName: string }[]) {
    const k = itemKey(e.u, e.c);
    evidence.set(k, [
      ...(evidence.get(k) ?? []),
      { sha256: e.sha256, page: e.page, title: e.title, fileName: e.fileName },
    ]);
  }
  const createdAt = options.createdAt ?? '2024-03-01T08:00:00.000Z';
  const every = options.disagreeEvery ?? 20;
  const packages: SyntheticPackage[] = [];
  members.forEach((m, index) => {
    if (options.only && !options.only(m, index)) return;
    const isExtra = /-x\d+$/.test(m.id);
    const items: AppraisalItem[] = [];
    let n = 0;
    for (const unit of [...ctx.units.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const g = ctx.groups.get(unit.group)!;
      for (const leaf of g.plan.leaves) {
        if (leaf.survey || !m.fields.includes(g.plan.fields[leaf.fieldIndex]!.code)) continue;
        const d = dossier.get(itemKey(unit.id, leaf.code));
        if (!d || d.r2 === null) continue;
        n += 1;
        const input = (isExtra && n % every === 0 && d.r1 !== null ? d.r1 : d.r2) as Record<
          string,
          string | number | boolean
        >;
        const node = g.tree.byCode.get(leaf.code)!;
        const r = scoreNode(node.scoring!, node.maxPoints, input);
        if (!r.ok) continue;
        items.push({
          unitId: unit.id,
          nodeCode: leaf.code,
          input,
          score: serialize(r.value),
          comment: n % 7 === 0 ? 'Đã đối chiếu tài liệu kiểm chứng; số liệu khớp báo cáo.' : '',
          evidence: evidence.get(itemKey(unit.id, leaf.code))?.slice(0, 3) ?? [],
          exemption: null,
          updatedAt: createdAt,
        });
      }
    }
    items.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.nodeCode < b.nodeCode ? -1 : 1));
    const payload: AppraisalPayload = {
      format: APPRAISAL_FORMAT,
      version: APPRAISAL_VERSION,
      cycleId,
      frameworks: frameworkHashes(ctx),
      member: { id: m.id, name: ctx.members.get(m.id)!.name },
      keyFingerprint: m.signer.fingerprint,
      scope: { fields: [...m.fields] },
      sequence: 1,
      previousPackageHash: null,
      createdAt,
      appraisals: items,
      conflictsOfInterest: [],
    };
    const { text, packageHash } = encodeAppraisalPackage(payload, m.signer);
    packages.push({ memberId: m.id, fileName: appraisalFileName(cycleId, m.id, 1), text, packageHash, payload });
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, dbPath, cycleId, members, packages };
}

/**
 * A synthetic exchange laid out on disk: its store copied to `base.sqlite` (closed, for tests
 * that start each run from a copy) and each package written to a file named as the app names it.
 */
export function syntheticFiles(
  dir: string,
  options: SyntheticOptions = {},
): {
  packages: readonly SyntheticPackage[];
  members: readonly SyntheticMember[];
  cycleId: string;
  base: string;
  files: string[];
} {
  const x = syntheticExchange(dir, options);
  x.db.close();
  const base = join(dir, 'base.sqlite');
  copyFileSync(x.dbPath, base);
  const files = x.packages.map((p) => {
    const f = join(dir, p.fileName);
    writeFileSync(f, p.text);
    return f;
  });
  return { packages: x.packages, members: x.members, cycleId: x.cycleId, base, files };
}

/**
 * The member's next package after `previous`: its items edited by `edit` (which must keep
 * each score the framework's score of its input), signed, written to `dir`.
 */
export function nextPackage(
  dir: string,
  member: SyntheticMember,
  previous: SyntheticPackage,
  edit: (items: readonly AppraisalItem[]) => AppraisalItem[],
): SyntheticPackage & { readonly path: string } {
  const sequence = previous.payload.sequence + 1;
  const payload: AppraisalPayload = {
    ...previous.payload,
    sequence,
    previousPackageHash: previous.packageHash,
    createdAt: new Date(Date.parse(previous.payload.createdAt) + 86_400_000).toISOString(),
    appraisals: edit(previous.payload.appraisals),
  };
  const { text, packageHash } = encodeAppraisalPackage(payload, member.signer);
  const fileName = appraisalFileName(payload.cycleId, member.id, sequence);
  const path = join(dir, fileName);
  writeFileSync(path, text);
  return { memberId: member.id, fileName, text, packageHash, payload, path };
}
