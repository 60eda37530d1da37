/**
 * Canonical form of a criteria framework: the content that defines scoring (name, year,
 * group, sample flag and every node), as deterministic JSON.
 *
 *   canonicalFramework(f) → string
 *
 * Rules: nodes sorted by code (compareCodes); object keys sorted (UTF-16 code-unit order);
 * no whitespace; absent optional members omitted; a node's groups sorted in the 2023 groups' order (then by code)
 * order; decimal strings normalised ("1.50" → "1.5", "0,25" → "0.25") so that a framework
 * that went through a spreadsheet keeps its identity. Tier and threshold lists keep their
 * order (the first matching threshold wins, so order is meaning). Properties outside the
 * Framework/FrameworkNode types (a database id, say) are ignored.
 *
 * The framework's identity is sha256(canonicalFramework(f)) in hex, computed outside
 * shared/ (electron/core/framework/hash.ts) because hashing needs node:crypto.
 */
import { compareCodes } from './tree.ts';
import { GROUPS_2023 } from './groups.ts';
import type { Framework, FrameworkNode, Scoring } from './types.ts';

const DEC_RE = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/** "01.50" → "1.5", "-0" → "0", "0,25" → "0.25"; other text is returned unchanged. */
export function normalizeDecimal(text: string): string {
  if (typeof text !== 'string') return text;
  const m = DEC_RE.exec(text.trim());
  if (!m) return text;
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return m[1] === '-' && body !== '0' ? `-${body}` : body;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json | undefined };

/** Deterministic JSON: sorted keys, no whitespace, undefined members omitted. */
export function stableStringify(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v as Json)).join(',')}]`;
  const obj = value as { readonly [k: string]: Json | undefined };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k] as Json)}`).join(',')}}`;
}

function canonicalScoring(s: Scoring): Json {
  const d = normalizeDecimal;
  switch (s.kind) {
    case 'tick':
    case 'proportional':
      return { kind: s.kind };
    case 'timeliness':
      return { kind: s.kind, tiers: s.tiers.map((t) => ({ key: t.key, label: t.label, points: d(t.points) })) };
    case 'percentage':
      return {
        kind: s.kind,
        thresholds: s.thresholds.map((t) => ({ min: d(t.min), inclusive: t.inclusive, points: d(t.points) })),
        otherwise: d(s.otherwise),
      };
    case 'count':
      return {
        kind: s.kind,
        tiers: s.tiers.map((t) => ({ min: t.min, points: d(t.points) })),
        otherwise: d(s.otherwise),
      };
    case 'deduction':
      return { kind: s.kind, perViolation: d(s.perViolation), floor: d(s.floor) };
    case 'survey':
      return { kind: s.kind, source: s.source };
    case 'previous_year_delta':
      return {
        kind: s.kind,
        tiers: s.tiers.map((t) => ({ minDelta: d(t.minDelta), inclusive: t.inclusive, points: d(t.points) })),
        otherwise: d(s.otherwise),
      };
  }
}

/** The 2023 groups keep the order their frameworks were first hashed in; other codes follow alphabetically. */
function groupOrder(g: string): number {
  const i = (GROUPS_2023 as readonly string[]).indexOf(g);
  return i < 0 ? GROUPS_2023.length : i;
}

function canonicalNode(n: FrameworkNode): Json {
  return {
    code: n.code,
    parent: n.parent ?? null,
    title: n.title,
    maxPoints: normalizeDecimal(n.maxPoints),
    scoring: n.scoring ? canonicalScoring(n.scoring) : undefined,
    groups: [...n.groups].sort((a, b) => groupOrder(a) - groupOrder(b) || (a < b ? -1 : a > b ? 1 : 0)),
    exemptable: n.exemptable,
    guide: n.guide ?? '',
    evidence: n.evidence ?? '',
  };
}

/** The canonical JSON text of `f` (see the rules at the top of this file). */
export function canonicalFramework(f: Framework): string {
  const nodes = [...f.nodes].sort((a, b) => compareCodes(a.code, b.code));
  return stableStringify({
    name: f.name,
    year: f.year,
    group: f.group,
    sample: f.sample,
    nodes: nodes.map(canonicalNode),
  });
}
