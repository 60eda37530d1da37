/**
 * The attack corpus for cycle packages, as data: one line per attack. Each forges a package
 * from the real one (the content changed, then signed again, by the secretariat's key or a
 * stranger's) and names the code the member's store must refuse it with. `raw` rewrites the
 * cycle.json text after the canonical form (for what canonicalisation could not write).
 *
 */
import { DEEP, type ForgedContent, deepJson } from './forge.ts';

export interface CycleAttack {
  readonly item: number;
  readonly name: string;
  readonly code: string;
  /** Signed by a stranger's key instead of the secretariat's. */
  readonly stranger?: boolean;
  readonly mutate: (c: ForgedContent) => void;
  readonly raw?: (text: string) => string;
  readonly issuedAt?: string;
}

const newCycle = (c: ForgedContent) => {
  c.cycle.id = 'gia-mao-2024';
  c.revision = 1;
};

export const CYCLE_ATTACKS: readonly CycleAttack[] = [
  {
    item: 1,
    name: 'a new cycle reusing the unit and member ids of the received cycle (any key)',
    code: 'EXCHANGE_ID_COLLISION',
    stranger: true,
    mutate: (c) => (newCycle(c), c.roster.forEach((m) => (m.fields = ['2']))),
  },
  {
    item: 1,
    name: 'a new cycle reusing only one member id',
    code: 'EXCHANGE_ID_COLLISION',
    stranger: true,
    mutate: (c) => (newCycle(c), renameUnits(c), (c.roster = c.roster.filter((m) => m.id === 'm1'))),
  },
  {
    item: 1,
    name: 'a new cycle reusing only one unit id',
    code: 'EXCHANGE_ID_COLLISION',
    stranger: true,
    mutate: (c) => (newCycle(c), renameMembers(c), keepUnit(c, 'u1')),
  },
  {
    item: 1,
    name: 'the same dossier item twice (colliding node codes)',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), c.dossiers.push({ ...c.dossiers[0]! })),
  },
  {
    item: 1,
    name: 'the same unit id twice',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), c.units.push({ ...c.units[0]!, name: 'UBND huyện Giả' })),
  },
  {
    item: 1,
    name: 'two units with one name',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), (c.units[1]!.name = c.units[0]!.name)),
  },
  {
    item: 1,
    name: 'the same member id twice',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), c.roster.push({ ...c.roster[0]! })),
  },
  {
    item: 1,
    name: 'a field assigned twice to one member',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), (c.roster[0]!.fields = ['1', '1'])),
  },
  {
    item: 1,
    name: 'the same exemption twice',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), c.exemptions.push(exemption(), exemption())),
  },
  {
    item: 1,
    name: 'a dossier item on a node the framework does not have',
    code: 'EXCHANGE_UNKNOWN_NODE',
    mutate: (c) => ((c.revision = 2), (c.dossiers[0]!.nodeCode = '9.9')),
  },
  {
    item: 1,
    name: 'an evidence link to a dossier item that does not exist (found by the fuzz test: FOREIGN KEY)',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => (
      (c.revision = 2),
      (c.dossiers = c.dossiers.filter(
        (d) => !(d.unitId === c.dossierEvidence[0]!.unitId && d.nodeCode === c.dossierEvidence[0]!.nodeCode),
      ))
    ),
  },
  {
    item: 1,
    name: 'a new cycle from a stranger over the received cycle id',
    code: 'EXCHANGE_SIGNER_CHANGED',
    stranger: true,
    mutate: (c) => (c.revision = 2),
  },
  {
    item: 5,
    name: 'an evidence file named .exe',
    code: 'EXCHANGE_EVIDENCE_TYPE',
    mutate: (c) => ((c.revision = 2), (c.evidence[0]!.fileName = 'bien-ban.pdf.exe')),
  },
  {
    item: 5,
    name: 'an evidence file named .hta',
    code: 'EXCHANGE_EVIDENCE_TYPE',
    mutate: (c) => ((c.revision = 2), (c.evidence[0]!.fileName = 'mo-tai-lieu.hta')),
  },
  {
    item: 5,
    name: 'an evidence file without an extension',
    code: 'EXCHANGE_EVIDENCE_TYPE',
    mutate: (c) => ((c.revision = 2), (c.evidence[0]!.fileName = 'README')),
  },
  {
    item: 6,
    name: 'a 20,000-deep JSON value in a dossier input',
    code: 'EXCHANGE_TOO_DEEP',
    mutate: (c) => ((c.revision = 2), (c.dossiers[0]!.round1Input = DEEP)),
    raw: (t) => t.replace(`"${DEEP}"`, deepJson(20_000)),
  },
  {
    item: 6,
    name: 'a 65-deep JSON value in a framework',
    code: 'EXCHANGE_TOO_DEEP',
    mutate: (c) => ((c.revision = 2), ((c.frameworks[0]!.framework as { extra?: unknown }).extra = DEEP)),
    raw: (t) => t.replace(`"${DEEP}"`, deepJson(65)),
  },
  {
    item: 9,
    name: 'an impossible issue date 2024-13-45T99:99:99Z',
    code: 'EXCHANGE_MANIFEST',
    issuedAt: '2024-13-45T99:99:99Z',
    mutate: (c) => ((c.revision = 2), (c.issuedAt = '2024-13-45T99:99:99Z')),
  },
  {
    item: 9,
    name: 'an impossible exemption decision date 2023-02-29T10:00:00Z',
    code: 'EXCHANGE_SCHEMA',
    mutate: (c) => ((c.revision = 2), c.exemptions.push({ ...exemption(), decidedAt: '2023-02-29T10:00:00Z' })),
  },
];

function exemption() {
  return {
    unitId: 'u1',
    nodeCode: '1.2',
    reason: 'Không phát sinh',
    legalBasis: 'QĐ 1/QĐ-UBND',
    proposedBy: null,
    decidedBy: 'sec',
    decidedAt: '2024-01-04T00:00:00.000Z',
  };
}

function renameUnits(c: ForgedContent) {
  const id = (u: string) => `x-${u}`;
  c.units.forEach((u) => (u.id = id(u.id)));
  c.dossiers.forEach((d) => (d.unitId = id(d.unitId)));
  c.dossierEvidence.forEach((d) => (d.unitId = id(d.unitId)));
  c.exemptions.forEach((d) => (d.unitId = id(d.unitId)));
  (c.surveyPoints ?? []).forEach((d) => (d.unitId = id(d.unitId)));
}

function renameMembers(c: ForgedContent) {
  c.roster.forEach((m) => (m.id = `x-${m.id}`));
  c.exemptions.forEach((e) => (e.proposedBy = e.proposedBy === null ? null : `x-${e.proposedBy}`));
}

function keepUnit(c: ForgedContent, unitId: string) {
  const others = new Set(c.units.filter((u) => u.id !== unitId).map((u) => u.id));
  c.units.forEach((u) => others.has(u.id) && (u.id = `x-${u.id}`));
  for (const list of [c.dossiers, c.dossierEvidence, c.exemptions, c.surveyPoints ?? []])
    list.forEach((d) => others.has(d.unitId) && (d.unitId = `x-${d.unitId}`));
}
