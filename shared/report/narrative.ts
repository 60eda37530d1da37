/**
 * The report's Vietnamese sentences, generated from the results: averages and their
 * change from the previous year, highest, lowest and spread (per group, per field and
 * overall), counts per classification group, units that missed a sub-criterion.
 *
 * Every sentence has a stable key ("group.district.extremes") so that the secretariat's
 * edits are kept across recomputations; an edit made on figures that have changed since
 * is flagged `stale`.
 */
import type { UnitGroup } from '../framework/types.ts';
import { CLASSIFICATION_LABELS, type ClassificationGroup } from '../results/classification.ts';
import type { FieldStat, GroupReport, Report, StatsView } from './types.ts';
import type { DecimalText } from '../decimal/text.ts';
import { viDecimalText } from '../format/vi.ts';

export interface NarrativeSentence {
  readonly key: string;
  /** What is printed: the edit when there is one, else the generated text. */
  readonly text: string;
  readonly generated: string;
  readonly edited: boolean;
  /** Edited on other figures: the generated text has changed since the edit. */
  readonly stale: boolean;
}

export interface NarrativeSection {
  readonly key: string;
  readonly title: string;
  readonly group: UnitGroup | null;
  readonly sentences: readonly NarrativeSentence[];
}

/** A stored edit: the text and the generated text it replaced. */
export interface NarrativeEdit {
  readonly text: string;
  readonly generated: string;
}

/** "khối sở, ban, ngành tỉnh" (the group's noun, see groupNoun). */
function blockName(g: { readonly noun: string }): string {
  return `khối ${g.noun}`;
}

function pct(d: DecimalText): string {
  return `${viDecimalText(d)}%`;
}

/** "tăng 1,23%", "giảm 0,50%", "không thay đổi" — on percentage points. */
function changePhrase(change: DecimalText): string {
  if (/^-?0(\.0+)?$/.test(change)) return 'không thay đổi';
  return change.startsWith('-') ? `giảm ${pct(change.slice(1))}` : `tăng ${pct(change)}`;
}

/** "A, B và C" */
function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Names of units listed in a classification sentence when a class has at most this many. */
const LIST_NAMES_UP_TO = 6;

function averageSentence(what: string, s: StatsView, previousYear: number | null): string {
  let t = `Chỉ số CCHC trung bình của ${what} đạt ${pct(s.average)}`;
  if (previousYear !== null && s.previousAverage !== null && s.averageChange !== null) {
    t += `, ${changePhrase(s.averageChange)} so với năm ${previousYear} (${pct(s.previousAverage)})`;
  }
  return `${t}.`;
}

function extremesSentence(s: StatsView): string {
  if (s.count === 1) return `Chỉ số CCHC của ${s.highest.unit} đạt ${pct(s.highest.value)}.`;
  if (/^0(\.0+)?$/.test(s.spread)) {
    return `Tất cả ${s.count} đơn vị có cùng Chỉ số CCHC ${pct(s.highest.value)}.`;
  }
  return (
    `Đơn vị có Chỉ số CCHC cao nhất là ${s.highest.unit} với ${pct(s.highest.value)}; ` +
    `thấp nhất là ${s.lowest.unit} với ${pct(s.lowest.value)}; ` +
    `khoảng cách giữa đơn vị cao nhất và thấp nhất là ${pct(s.spread)}.`
  );
}

function countsSentence(s: StatsView, names: ReadonlyMap<ClassificationGroup, string[]>): string {
  const parts: string[] = [];
  for (const g of [1, 2, 3, 4, 5] as const) {
    const n = s.classificationCounts[String(g) as '1'];
    const label = CLASSIFICATION_LABELS[g];
    if (n === 0) {
      parts.push(`không có đơn vị nào đạt ${label}`);
      continue;
    }
    const list = names.get(g) ?? [];
    const who = n <= LIST_NAMES_UP_TO && list.length === n ? `, gồm: ${joinVi(list)}` : '';
    parts.push(`${n} đơn vị đạt ${label}${who}`);
  }
  return `Về xếp nhóm: ${parts.join('; ')}.`;
}

function fieldSentence(f: FieldStat): string {
  const head = `Lĩnh vực ${f.title}: tỷ lệ điểm trung bình đạt ${pct(f.averagePercent)}`;
  if (f.count === 1) return `${head}.`;
  if (/^0(\.0+)?$/.test(f.spread)) return `${head}; tất cả các đơn vị đều đạt ${pct(f.highest.value)}.`;
  return `${head}; cao nhất là ${f.highest.unit} (${pct(f.highest.value)}), thấp nhất là ${f.lowest.unit} (${pct(f.lowest.value)}), chênh lệch ${pct(f.spread)}.`;
}

function changesSentence(g: GroupReport, previousYear: number): string | null {
  const withPrev = g.rows.filter((r) => r.change !== null);
  if (withPrev.length === 0) return null;
  const up = withPrev.filter((r) => !r.change!.startsWith('-') && !/^0(\.0+)?$/.test(r.change!));
  const down = withPrev.filter((r) => r.change!.startsWith('-'));
  const same = withPrev.length - up.length - down.length;
  const parts = [`${up.length}/${withPrev.length} đơn vị tăng Chỉ số`];
  if (down.length > 0)
    parts.push(`${down.length} đơn vị giảm (${joinVi(down.map((r) => `${r.unit} ${changePhrase(r.change!)}`))})`);
  if (same > 0) parts.push(`${same} đơn vị không thay đổi`);
  return `So với năm ${previousYear}, ${parts.join('; ')}.`;
}

function missedSentences(g: GroupReport): { key: string; text: string }[] {
  return g.missed.map((m) => {
    const who = m.units.length === g.count && g.count > 1 ? `Tất cả ${g.count} đơn vị` : `Có ${m.units.length} đơn vị`;
    const list = m.units.length === g.count && g.count > 1 ? '' : `: ${joinVi(m.units.map((u) => u.unit))}`;
    return {
      key: `group.${g.group}.missed.${m.code}`,
      text: `${who} không đạt tiêu chí ${m.code} “${m.title}”${list}.`,
    };
  });
}

const viCount = (n: number): string => viDecimalText(String(n));

/**
 * The opening sentence. Only finalised results are the council's ("đã thẩm định và xác
 * định"); until then they are stated as provisional, with what is still open.
 */
function summarySentence(report: Report, count: number, composition: readonly string[]): string {
  const of = `${count} cơ quan, đơn vị${composition.length > 1 ? `, gồm: ${composition.join('; ')}` : ''}`;
  if (report.status.finalised)
    return `Năm ${report.cycle.year}, Hội đồng thẩm định đã thẩm định và xác định Chỉ số CCHC của ${of}.`;
  const open: string[] = [];
  if (report.status.unresolvedConflicts > 0)
    open.push(
      `${viCount(report.status.unresolvedConflicts)} tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết`,
    );
  if (report.status.provisionalScores > 0)
    open.push(
      `${viCount(report.status.provisionalScores)} lượt tiêu chí thành phần còn tạm tính theo điểm tự đánh giá`,
    );
  if (report.status.notComputable > 0)
    open.push(`${viCount(report.status.notComputable)} đơn vị chưa có điểm điều tra xã hội học`);
  return `Kết quả tạm tính (Hội đồng chưa chốt kết quả) Chỉ số CCHC năm ${report.cycle.year} của ${of}${open.length > 0 ? `; còn ${open.join('; ')}` : ''}.`;
}

/** The generated sentences, without edits. */
export function generateNarrative(
  report: Report,
): { key: string; title: string; group: UnitGroup | null; sentences: { key: string; text: string }[] }[] {
  const sections: {
    key: string;
    title: string;
    group: UnitGroup | null;
    sentences: { key: string; text: string }[];
  }[] = [];
  const py = report.previousYear;
  if (report.overall) {
    const o = report.overall;
    const composition = report.groups.map((g) => `${g.count} ${g.noun}`);
    const names = new Map<ClassificationGroup, string[]>();
    for (const u of report.units) names.set(u.classification, [...(names.get(u.classification) ?? []), u.unit]);
    sections.push({
      key: 'overall',
      title: 'Kết quả chung',
      group: null,
      sentences: [
        {
          key: 'overall.summary',
          text: summarySentence(report, o.count, composition),
        },
        { key: 'overall.average', text: averageSentence('các cơ quan, đơn vị', o, py) },
        { key: 'overall.extremes', text: extremesSentence(o) },
        { key: 'overall.counts', text: countsSentence(o, names) },
      ],
    });
  }
  for (const g of report.groups) {
    const names = new Map<ClassificationGroup, string[]>();
    for (const r of g.rows) names.set(r.classification, [...(names.get(r.classification) ?? []), r.unit]);
    const k = `group.${g.group}`;
    const sentences: { key: string; text: string }[] = [
      { key: `${k}.average`, text: averageSentence(`${blockName(g)} (${g.count} đơn vị)`, g.stats, py) },
      { key: `${k}.extremes`, text: extremesSentence(g.stats) },
      { key: `${k}.counts`, text: countsSentence(g.stats, names) },
    ];
    if (py !== null) {
      const c = changesSentence(g, py);
      if (c) sentences.push({ key: `${k}.changes`, text: c });
    }
    for (const f of g.fieldStats) sentences.push({ key: `${k}.field.${f.code}`, text: fieldSentence(f) });
    sentences.push(...missedSentences(g));
    sections.push({ key: k, title: capitalise(blockName(g)), group: g.group, sentences });
  }
  return sections;
}

/** The sentences with the stored edits applied. */
export function applyNarrativeEdits(
  generated: ReturnType<typeof generateNarrative>,
  edits: ReadonlyMap<string, NarrativeEdit> | Readonly<Record<string, NarrativeEdit>>,
): NarrativeSection[] {
  const get = (key: string): NarrativeEdit | undefined =>
    edits instanceof Map
      ? edits.get(key)
      : Object.hasOwn(edits, key)
        ? (edits as Record<string, NarrativeEdit>)[key]
        : undefined;
  return generated.map((s) => ({
    ...s,
    sentences: s.sentences.map((x) => {
      const e = get(x.key);
      return e
        ? {
            key: x.key,
            text: e.text,
            generated: x.text,
            edited: true,
            stale: e.generated !== '' && e.generated !== x.text,
          }
        : { key: x.key, text: x.text, generated: x.text, edited: false, stale: false };
    }),
  }));
}

/** Generated sentences with edits applied, in one call. */
export function narrativeOf(
  report: Report,
  edits: ReadonlyMap<string, NarrativeEdit> | Readonly<Record<string, NarrativeEdit>> = {},
): NarrativeSection[] {
  return applyNarrativeEdits(generateNarrative(report), edits);
}
