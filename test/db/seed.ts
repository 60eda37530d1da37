import { join } from 'node:path';
import { type Db, openDatabase, tx } from '../../electron/core/db/connection.ts';
import { insertCycle } from '../../electron/core/db/repos/cycles.ts';
import { upsertDossierItem } from '../../electron/core/db/repos/dossiers.ts';
import { putFramework, setCycleFramework } from '../../electron/core/db/repos/frameworks.ts';
import { putCycleGroup } from '../../electron/core/db/repos/groups.ts';
import { insertMember } from '../../electron/core/db/repos/members.ts';
import { putSurveyPoints } from '../../electron/core/db/repos/survey.ts';
import { insertUnit } from '../../electron/core/db/repos/units.ts';
import type { Framework } from '../../shared/framework/types.ts';

/** A two-unit district cycle over a tiny framework: fields 1 (tick 1.1, proportional exemptable 1.2) and 8 (surveys). */
const G = ['district'] as const;
const framework: Framework = {
  name: 'Thử nghiệm',
  year: 2023,
  group: 'district',
  sample: true,
  nodes: [
    {
      code: '1',
      parent: null,
      title: 'Chỉ đạo',
      maxPoints: '3',
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
    {
      code: '1.1',
      parent: '1',
      title: 'Kế hoạch',
      maxPoints: '1',
      scoring: { kind: 'tick' },
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
    {
      code: '1.2',
      parent: '1',
      title: 'Văn bản QPPL',
      maxPoints: '2',
      scoring: { kind: 'proportional' },
      groups: G,
      exemptable: true,
      guide: '',
      evidence: '',
    },
    {
      code: '8',
      parent: null,
      title: 'Tác động',
      maxPoints: '20',
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
    {
      code: '8.1',
      parent: '8',
      title: 'CBCCVC',
      maxPoints: '10',
      scoring: { kind: 'survey', source: 'cbccvc' },
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
    {
      code: '8.2',
      parent: '8',
      title: 'SIPAS',
      maxPoints: '10',
      scoring: { kind: 'survey', source: 'sipas' },
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
  ],
};

export function seed(dir: string): Db {
  const db = openDatabase(join(dir, 'store.sqlite'));
  tx(db, () => {
    insertCycle(db, { id: 'c', name: 'Thử 2023', year: 2023, province: 'Sóc Trăng', precision: 2 });
    putCycleGroup(db, 'c', {
      code: 'district',
      label: 'UBND cấp huyện',
      shortLabel: 'Cấp huyện',
      sortOrder: 1,
      fields: ['1', '8'],
    });
    putFramework(db, 'h1', framework);
    setCycleFramework(db, 'c', 'district', 'h1');
    insertUnit(db, { id: 'u1', cycleId: 'c', name: 'UBND huyện A', group: 'district', sortOrder: 1 });
    insertUnit(db, { id: 'u2', cycleId: 'c', name: 'UBND huyện B', group: 'district', sortOrder: 2 });
    insertMember(db, {
      id: 'm1',
      cycleId: 'c',
      name: 'Nguyễn Văn A',
      position: 'Phó Giám đốc',
      agency: 'Sở Nội vụ',
      role: 'member',
      publicKey: null,
      fingerprint: null,
      fields: ['1'],
    });
    insertMember(db, {
      id: 'm2',
      cycleId: 'c',
      name: 'Trần Thị B',
      position: 'Phó Giám đốc',
      agency: 'Sở Tư pháp',
      role: 'member',
      publicKey: null,
      fingerprint: null,
      fields: ['2'],
    });
    for (const u of ['u1', 'u2']) {
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '1.1',
        round1Input: { met: false },
        round1Score: '0',
        round2Input: { met: true },
        round2Score: '1',
        declared: null,
        explanation: '',
      });
      upsertDossierItem(db, {
        unitId: u,
        nodeCode: '1.2',
        round1Input: null,
        round1Score: null,
        round2Input: { a: 1, b: 3 },
        round2Score: '2/3',
        declared: { a: 1, b: 3 },
        explanation: '',
      });
      putSurveyPoints(db, { unitId: u, source: 'cbccvc', points: '8.5', respondents: 50, importedAt: 'now' });
      putSurveyPoints(db, { unitId: u, source: 'sipas', points: '7.25', respondents: 40, importedAt: 'now' });
    }
  });
  return db;
}
