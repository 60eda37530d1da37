/**
 * Structural and arithmetic checks of a criteria framework (bộ tiêu chí).
 *
 *   validateFramework(f) → CodedError[]   (empty = valid)
 *
 * Every error has a stable code (FRAMEWORK_*), a Vietnamese message naming the node
 * code, and `details.node` (the node's code, when the error is about one node) so that
 * an importer can point at the row that holds it.
 *
 * Kept as one file over 300 lines: validateFramework walks the tree once and checks every
 * rule on the way; each rule's message names the node it is about.
 */
import { type Rational, ZERO, add, cmp, eq, parseDecimal } from '../decimal/rational.ts';
import { FRAMEWORK_ERRORS } from '../errors/catalogue.ts';
import type { CodedError } from '../errors/codes.ts';
import { compareCodes } from './tree.ts';
import { isGroupCode as isUnitGroup } from './groups.ts';
import { type Framework, type FrameworkNode, type UnitGroup, SCORING_KINDS } from './types.ts';
import { roundedDecimalText, terminatingDecimalText } from '../decimal/text.ts';

type FrameworkErrorCode = (typeof FRAMEWORK_ERRORS)[keyof typeof FRAMEWORK_ERRORS];

const CODE_RE = /^[1-9]\d{0,3}(\.[1-9]\d{0,3})*$/;
const MAX_DEPTH = 8;

function err(
  code: FrameworkErrorCode,
  message: string,
  node?: string,
  extra?: Record<string, string | number>,
): CodedError {
  const details: Record<string, string | number> = { ...(node !== undefined ? { node } : {}), ...(extra ?? {}) };
  return Object.keys(details).length > 0 ? { code, message, details } : { code, message };
}

/** "17.5" → "17,5" for messages. */
function vi(text: string): string {
  return text.replace('.', ',');
}

function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** A non-negative decimal, or null. */
function nonNegative(text: unknown): Rational | null {
  if (typeof text !== 'string') return null;
  const r = parseDecimal(text);
  return r && r.n >= 0n ? r : null;
}

function checkScoring(node: FrameworkNode, max: Rational | null, out: CodedError[]): void {
  const s = node.scoring;
  const c = node.code;
  if (!s) return;
  if (typeof s !== 'object' || !SCORING_KINDS.includes((s as { kind: never }).kind)) {
    out.push(err(FRAMEWORK_ERRORS.BAD_SCORING, `Tiêu chí ${c}: cách chấm điểm không hợp lệ.`, c));
    return;
  }
  /** Checks one "points" value: a decimal, not negative, not above the node's maximum. */
  const pts = (label: string, text: unknown) => {
    const r = nonNegative(text);
    if (!r) {
      out.push(
        err(
          FRAMEWORK_ERRORS.BAD_POINTS,
          `Tiêu chí ${c}: điểm của ${label} (“${String(text)}”) phải là số thập phân không âm.`,
          c,
        ),
      );
      return;
    }
    if (max && cmp(r, max) > 0) {
      out.push(
        err(
          FRAMEWORK_ERRORS.BAD_POINTS,
          `Tiêu chí ${c}: điểm của ${label} (${vi(String(text))}) lớn hơn điểm tối đa (${vi(node.maxPoints)}).`,
          c,
        ),
      );
    }
  };
  const badParam = (what: string): void => {
    out.push(err(FRAMEWORK_ERRORS.BAD_SCORING, `Tiêu chí ${c}: ${what}`, c));
  };
  const decimalParam = (label: string, text: unknown, allowNegative = false): boolean => {
    const r = typeof text === 'string' ? parseDecimal(text) : null;
    if (!r || (!allowNegative && r.n < 0n)) {
      badParam(`${label} (“${String(text)}”) phải là số thập phân${allowNegative ? '' : ' không âm'}.`);
      return false;
    }
    return true;
  };
  switch (s.kind) {
    case 'tick':
    case 'proportional':
      return;
    case 'timeliness': {
      if (!Array.isArray(s.tiers) || s.tiers.length === 0) return badParam('cần ít nhất một mức đánh giá.');
      const keys = new Set<string>();
      for (const t of s.tiers) {
        if (typeof t.key !== 'string' || t.key.trim() === '') badParam('mỗi mức đánh giá cần có mã (key).');
        else if (keys.has(t.key)) badParam(`mã mức “${t.key}” bị trùng.`);
        else keys.add(t.key);
        if (typeof t.label !== 'string' || t.label.trim() === '') badParam(`mức “${String(t.key)}” chưa có tên.`);
        pts(`mức “${String(t.label || t.key)}”`, t.points);
      }
      return;
    }
    case 'percentage': {
      if (!Array.isArray(s.thresholds)) return badParam('thiếu các ngưỡng tỷ lệ.');
      for (const t of s.thresholds) {
        if (decimalParam('ngưỡng tỷ lệ', t.min)) {
          const m = parseDecimal(t.min)!;
          if (cmp(m, { n: 100n, d: 1n }) > 0) badParam(`ngưỡng tỷ lệ ${vi(t.min)}% vượt quá 100%.`);
        }
        if (typeof t.inclusive !== 'boolean') badParam('ngưỡng tỷ lệ cần ghi rõ có tính bằng hay không (inclusive).');
        pts(`ngưỡng ${vi(String(t.min))}%`, t.points);
      }
      pts('trường hợp còn lại', s.otherwise);
      return;
    }
    case 'count': {
      if (!Array.isArray(s.tiers)) return badParam('thiếu các mức số lượng.');
      for (const t of s.tiers) {
        if (typeof t.min !== 'number' || !Number.isSafeInteger(t.min) || t.min < 0) {
          badParam(`mức số lượng “${String(t.min)}” phải là số nguyên không âm.`);
        }
        pts(`mức từ ${String(t.min)}`, t.points);
      }
      pts('trường hợp còn lại', s.otherwise);
      return;
    }
    case 'deduction': {
      const per = nonNegative(s.perViolation);
      if (!per || per.n === 0n) badParam(`điểm trừ mỗi vi phạm (“${String(s.perViolation)}”) phải là số dương.`);
      pts('mức sàn', s.floor);
      return;
    }
    case 'survey': {
      if (s.source !== 'cbccvc' && s.source !== 'sipas')
        badParam(`nguồn điểm khảo sát “${String(s.source)}” không hợp lệ (cbccvc hoặc sipas).`);
      return;
    }
    case 'previous_year_delta': {
      if (!Array.isArray(s.tiers)) return badParam('thiếu các mức thay đổi Chỉ số.');
      for (const t of s.tiers) {
        decimalParam('mức thay đổi Chỉ số', t.minDelta, true);
        if (typeof t.inclusive !== 'boolean')
          badParam('mức thay đổi Chỉ số cần ghi rõ có tính bằng hay không (inclusive).');
        pts(`mức thay đổi từ ${vi(String(t.minDelta))}`, t.points);
      }
      pts('trường hợp còn lại', s.otherwise);
      return;
    }
  }
}

/** All problems of `f`, in node order; an empty list means the framework is valid. */
export function validateFramework(f: Framework): CodedError[] {
  const out: CodedError[] = [];
  if (typeof f.name !== 'string' || f.name.trim() === '')
    out.push(err(FRAMEWORK_ERRORS.BAD_NAME, 'Bộ tiêu chí chưa có tên.'));
  if (typeof f.year !== 'number' || !Number.isInteger(f.year) || f.year < 2000 || f.year > 2200) {
    out.push(err(FRAMEWORK_ERRORS.BAD_YEAR, `Năm của bộ tiêu chí (“${String(f.year)}”) không hợp lệ.`));
  }
  if (!isUnitGroup(f.group))
    out.push(err(FRAMEWORK_ERRORS.BAD_UNIT_GROUP, `Nhóm đơn vị của bộ tiêu chí (“${String(f.group)}”) không hợp lệ.`));
  const nodes = Array.isArray(f.nodes) ? [...f.nodes] : [];
  if (nodes.length === 0) {
    out.push(err(FRAMEWORK_ERRORS.EMPTY, 'Bộ tiêu chí chưa có tiêu chí nào.'));
    return out;
  }
  const group: UnitGroup | null = isUnitGroup(f.group) ? f.group : null;

  // Codes: format and uniqueness.
  const byCode = new Map<string, FrameworkNode>();
  for (const n of nodes) {
    const c = String(n.code);
    if (typeof n.code !== 'string' || !CODE_RE.test(n.code) || n.code.split('.').length > MAX_DEPTH) {
      out.push(
        err(
          FRAMEWORK_ERRORS.BAD_CODE,
          `Mã tiêu chí “${c}” không hợp lệ: cần dạng số phân cấp bằng dấu chấm, ví dụ 1, 1.2, 1.2.3.`,
          c,
        ),
      );
    }
    if (byCode.has(c)) out.push(err(FRAMEWORK_ERRORS.DUPLICATE_CODE, `Mã tiêu chí ${c} bị trùng.`, c));
    else byCode.set(c, n);
  }
  const sorted = [...byCode.values()].sort((a, b) => compareCodes(String(a.code), String(b.code)));

  // Parents, roots, cycles.
  const children = new Map<string, FrameworkNode[]>();
  for (const n of sorted) {
    const c = n.code;
    if (n.parent === null || n.parent === undefined) {
      if (c.includes('.')) {
        out.push(
          err(
            FRAMEWORK_ERRORS.ROOT_NOT_FIELD,
            `Tiêu chí ${c} không có tiêu chí cha nhưng mã không phải mã lĩnh vực (chỉ một số, ví dụ 1).`,
            c,
          ),
        );
      }
      continue;
    }
    if (!byCode.has(n.parent)) {
      out.push(
        err(
          FRAMEWORK_ERRORS.MISSING_PARENT,
          `Tiêu chí ${c}: tiêu chí cha “${n.parent}” không có trong bộ tiêu chí.`,
          c,
          { parent: n.parent },
        ),
      );
      continue;
    }
    if (parentCodeOf(c) !== n.parent) {
      out.push(
        err(
          FRAMEWORK_ERRORS.CODE_NOT_UNDER_PARENT,
          `Tiêu chí ${c}: mã không nằm dưới mã tiêu chí cha ${n.parent} (cần dạng ${n.parent}.1, ${n.parent}.2…).`,
          c,
          {
            parent: n.parent,
          },
        ),
      );
    }
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const inCycle = new Set<string>();
  for (const n of sorted) {
    const seen = new Set<string>([n.code]);
    let cur = n.parent;
    while (cur !== null && cur !== undefined && byCode.has(cur)) {
      if (seen.has(cur)) {
        if (cur === n.code) inCycle.add(n.code);
        break;
      }
      seen.add(cur);
      cur = byCode.get(cur)!.parent;
    }
  }
  for (const c of inCycle) {
    out.push(err(FRAMEWORK_ERRORS.CYCLE, `Tiêu chí ${c} nằm trong một vòng lặp tiêu chí cha – con.`, c));
  }

  // Per node: title, groups, scoring, maxima.
  const maxOf = new Map<string, Rational>();
  for (const n of sorted) {
    const m = nonNegative(n.maxPoints);
    if (!m) {
      out.push(
        err(
          FRAMEWORK_ERRORS.BAD_MAX,
          `Tiêu chí ${n.code}: điểm tối đa (“${String(n.maxPoints)}”) phải là số thập phân không âm.`,
          n.code,
        ),
      );
    } else maxOf.set(n.code, m);
  }
  const surveySources = new Map<string, string>();
  for (const n of sorted) {
    const c = n.code;
    if (typeof n.title !== 'string' || n.title.trim() === '')
      out.push(err(FRAMEWORK_ERRORS.EMPTY_TITLE, `Tiêu chí ${c} chưa có tên.`, c));

    const groups = Array.isArray(n.groups) ? n.groups : [];
    if (groups.length === 0) {
      out.push(err(FRAMEWORK_ERRORS.BAD_UNIT_GROUP, `Tiêu chí ${c} chưa được áp dụng cho nhóm đơn vị nào.`, c));
    }
    const seenGroups = new Set<string>();
    for (const g of groups) {
      if (!isUnitGroup(g))
        out.push(err(FRAMEWORK_ERRORS.BAD_UNIT_GROUP, `Tiêu chí ${c}: nhóm đơn vị “${String(g)}” không hợp lệ.`, c));
      else if (seenGroups.has(g))
        out.push(err(FRAMEWORK_ERRORS.BAD_UNIT_GROUP, `Tiêu chí ${c}: nhóm đơn vị “${g}” được ghi hai lần.`, c));
      seenGroups.add(String(g));
    }
    const parent = n.parent ? byCode.get(n.parent) : undefined;
    if (parent && Array.isArray(parent.groups)) {
      for (const g of groups) {
        if (isUnitGroup(g) && !parent.groups.includes(g)) {
          out.push(
            err(
              FRAMEWORK_ERRORS.GROUP_NOT_IN_PARENT,
              `Tiêu chí ${c} áp dụng cho nhóm “${g}” nhưng tiêu chí cha ${parent.code} thì không.`,
              c,
              { group: g },
            ),
          );
        }
      }
    }
    if (typeof n.exemptable !== 'boolean') {
      out.push(err(FRAMEWORK_ERRORS.BAD_SCORING, `Tiêu chí ${c}: cần ghi rõ có được hạ điểm chuẩn hay không.`, c));
    }

    const kids = children.get(c) ?? [];
    if (kids.length === 0) {
      if (!n.scoring)
        out.push(
          err(
            FRAMEWORK_ERRORS.LEAF_WITHOUT_SCORING,
            `Tiêu chí ${c} là tiêu chí thành phần cuối nhưng chưa có cách chấm điểm.`,
            c,
          ),
        );
      else {
        checkScoring(n, maxOf.get(c) ?? null, out);
        if (n.scoring.kind === 'survey' && group && groups.includes(group)) {
          const prev = surveySources.get(n.scoring.source);
          if (prev !== undefined) {
            out.push(
              err(
                FRAMEWORK_ERRORS.DUPLICATE_SURVEY,
                `Tiêu chí ${c}: nguồn điểm khảo sát “${n.scoring.source}” đã dùng cho tiêu chí ${prev}.`,
                c,
                {
                  other: prev,
                },
              ),
            );
          } else surveySources.set(n.scoring.source, c);
        }
      }
      continue;
    }
    if (n.scoring)
      out.push(
        err(
          FRAMEWORK_ERRORS.INNER_WITH_SCORING,
          `Tiêu chí ${c} có tiêu chí con nên không được có cách chấm điểm riêng.`,
          c,
        ),
      );
    const own = maxOf.get(c);
    if (!own || !group || !groups.includes(group) || inCycle.has(c)) continue;
    let total = ZERO;
    let complete = true;
    for (const k of kids) {
      if (!Array.isArray(k.groups) || !k.groups.includes(group)) continue;
      const km = maxOf.get(k.code);
      if (!km) complete = false;
      else total = add(total, km);
    }
    if (complete && !eq(total, own)) {
      const text = formatPlain(total);
      out.push(
        err(
          FRAMEWORK_ERRORS.MAX_MISMATCH,
          `Tiêu chí ${c}: điểm tối đa ${vi(n.maxPoints)} khác tổng điểm tối đa các tiêu chí con (${vi(text)}).`,
          c,
          { expected: text },
        ),
      );
    }
  }
  if (
    group &&
    !sorted.some(
      (n) => (n.parent === null || n.parent === undefined) && Array.isArray(n.groups) && n.groups.includes(group),
    )
  ) {
    out.push(err(FRAMEWORK_ERRORS.NO_FIELDS, `Bộ tiêu chí không có lĩnh vực nào áp dụng cho nhóm “${group}”.`));
  }
  return out;
}

/** A terminating rational (a sum of decimals) as plain decimal text; 12 places at most. */
function formatPlain(r: Rational): string {
  return terminatingDecimalText(r, 12) ?? roundedDecimalText(r, 12);
}
