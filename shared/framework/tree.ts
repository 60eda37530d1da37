/** Navigating a framework: children, leaves, fields, ancestry, applicability to a group. */
import type { Framework, FrameworkNode } from './types.ts';

export interface FrameworkTree {
  readonly framework: Framework;
  readonly byCode: ReadonlyMap<string, FrameworkNode>;
  readonly children: ReadonlyMap<string | null, readonly FrameworkNode[]>;
  /** Fields (root nodes) in order. */
  readonly fields: readonly FrameworkNode[];
}

/** Compares dotted codes numerically: "1.2" < "1.10". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function buildTree(framework: Framework): FrameworkTree {
  const byCode = new Map<string, FrameworkNode>();
  const children = new Map<string | null, FrameworkNode[]>();
  for (const n of framework.nodes) {
    byCode.set(n.code, n);
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => compareCodes(a.code, b.code));
  return { framework, byCode, children, fields: children.get(null) ?? [] };
}

export function isLeaf(tree: FrameworkTree, code: string): boolean {
  return (tree.children.get(code) ?? []).length === 0;
}

/** Codes from the field down to `code` itself. */
export function ancestry(tree: FrameworkTree, code: string): string[] {
  const path: string[] = [];
  let cur: string | null = code;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    path.unshift(cur);
    cur = tree.byCode.get(cur)?.parent ?? null;
  }
  return path;
}

/** Leaves under `code` (or under every field when null), depth first, in code order. */
export function leavesUnder(tree: FrameworkTree, code: string | null): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (c: string | null) => {
    for (const child of tree.children.get(c) ?? []) {
      if ((tree.children.get(child.code) ?? []).length === 0) out.push(child);
      else walk(child.code);
    }
  };
  if (code !== null && isLeaf(tree, code)) {
    const n = tree.byCode.get(code);
    if (n) out.push(n);
  } else walk(code);
  return out;
}
