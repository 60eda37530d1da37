/**
 * What the units of a real year hand in, shared by the CLI journey (real-year-cli.test.ts) and
 * the UI journey (test/e2e/real-year-ui.test.ts): the units list, each unit's filled dossier
 * template for a round (every scoring kind, evidence cited, a lowered benchmark proposed by some
 * units) with the names of its evidence files, and the survey points file.
 */
import type { Framework, FrameworkNode } from '../../shared/framework/types.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { type Fill, fillTemplate, leaves } from '../intake/support.ts';
import { COMMUNES, DEPARTMENTS } from './files.ts';

type RealGroup = 'commune' | 'department';
export interface RealUnit {
  readonly name: string;
  readonly group: RealGroup;
}

/** Departments first, then communes (as the units list writes them). */
export function realUnits(communes: readonly string[] = COMMUNES, departments: readonly string[] = DEPARTMENTS) {
  return [
    ...departments.map((name) => ({ name, group: 'department' as const })),
    ...communes.map((name) => ({ name, group: 'commune' as const })),
  ] satisfies RealUnit[];
}

const LOWERED_REASON = 'Năm 2025 đơn vị không được giao nhiệm vụ này';

/** Every fifth unit (the 1st, 6th, …) proposes a lowered benchmark on its group's first exemptable sub-criterion. */
const proposesLowered = (index: number) => index % 5 === 0;

const frameworks = loadDefaultFrameworks() as Record<string, Framework>;

/** The template's rows (sub-criteria in code order) of a group's sample framework. */
function groupLeaves(group: RealGroup): FrameworkNode[] {
  return leaves(frameworks[group]!, group);
}

export interface UnitDossier {
  /** The filled workbook. */
  readonly workbook: Buffer;
  /** The evidence files it cites (one per sub-criterion entered). */
  readonly evidence: string[];
  /** The sub-criterion proposed for a lowered benchmark, if any. */
  readonly lowered: string | null;
}

/**
 * A unit's filled template: round 1 with the second variant of each kind (not met, later tiers),
 * round 2 with the first; every entered row cites `<code>.pdf (tr. 2)`.
 */
export async function unitDossier(template: Buffer, unit: RealUnit, index: number, round: 1 | 2): Promise<UnitDossier> {
  const nodes = groupLeaves(unit.group);
  const lowered = proposesLowered(index) ? (nodes.find((n) => n.exemptable)?.code ?? null) : null;
  const fills: Record<string, Fill> = lowered
    ? { [lowered]: { lowered: LOWERED_REASON, explanation: 'Không có nhiệm vụ' } }
    : {};
  const workbook = await fillTemplate(template, nodes, { unit: unit.name, variant: round === 1 ? 1 : 0, fills });
  const evidence = nodes.filter((n) => n.scoring!.kind !== 'survey' && n.code !== lowered).map((n) => `${n.code}.pdf`);
  return { workbook, evidence, lowered };
}

/** The survey points file (CSV, Vietnamese headers): CBCCVC 10–14, SIPAS 11–12. */
export function surveyCsv(units: readonly RealUnit[]): string {
  return [
    'Đơn vị,Khảo sát CBCCVC,Chỉ số SIPAS',
    ...units.map((u, i) => `"${u.name}",${(10 + (i % 5)).toFixed(2)},${(11 + (i % 3) / 2).toFixed(2)}`),
  ].join('\n');
}
