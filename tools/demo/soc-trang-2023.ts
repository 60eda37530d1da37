/**
 * The embedded demo cycle "Sóc Trăng 2023": 40 units, their self-assessment dossiers
 * (two rounds), lowered benchmarks, survey points and the appraisal council.
 *
 *   buildDemoCycle(frameworks: Record<GroupPresetCode, Framework>): DemoCycle
 *
 * Pure and deterministic: no I/O, no clock, no Math.random (a seeded PRNG per unit).
 * Built for the default frameworks (resources/frameworks/*.json); with other frameworks
 * it does its best and throws an Error when a fixture unit cannot be reproduced.
 *
 * What the store does with it (one row per item):
 * - `cycle`: the appraisal cycle.
 * - `units[]`: code (stable ASCII id), name, group, order (1-based, report order).
 *   - `entries[]`: one per applicable, non-exempted, non-survey leaf of the unit's group
 *     framework: `round1` / `round2` are self-assessment inputs valid for
 *     scoreNode(leaf.scoring, leaf.maxPoints, input); round 2 is the one that counts.
 *     `figures` repeats the declared figures (số liệu kê khai) a/b where the input uses them.
 *   - `exemptions[]`: lowered benchmarks (hạ điểm chuẩn) on exemptable nodes (any level).
 *   - `survey`: điểm ĐTXHH {cbccvc, sipas}, decimal strings, to be entered on the
 *     framework's survey leaves (kind 'survey', source 'cbccvc' / 'sipas'); survey leaves
 *     have no entry.
 * - `council.members[]`: the appraisal council, with the field codes each member appraises;
 *   `council.secretariat`: the secretary of the council (Sở Nội vụ).
 *
 * For the 11 districts and 4 public service units the dossiers reproduce the published
 * 2023 figures (fixture-data.ts): benchmark, survey points and self-assessed points exactly;
 * field scores exactly where the published figures add up, otherwise within 0,004 points
 * of the published field score (which rounds to it). The published figures were rounded
 * from unrounded scores, so for 7 districts the 2-decimal field scores do not add up to the
 * published self-assessment (e.g. Châu Thành: fields 74,32, self + survey 74,30); the small
 * unrounded remainders are put in fields 1–7, never in field 8.
 */
import {
  type Rational,
  ZERO,
  add,
  cmp,
  div,
  mul,
  parseDecimalOrThrow,
  rat,
  sub,
  HUNDRED,
} from '../../shared/decimal/rational.ts';
import { viDecimalText } from '../../shared/format/vi.ts';
import { type FrameworkTree, buildTree } from '../../shared/framework/tree.ts';
import type { GroupPresetCode } from '../../shared/framework/groups.ts';
import type { Framework, FrameworkNode, UnitGroup } from '../../shared/framework/types.ts';
import type { ScoreInput } from '../../shared/scoring/inputs.ts';
import { scoreNode } from '../../shared/scoring/score.ts';
import { type TotalsPlan, planTotals } from '../../shared/results/unit-totals.ts';
import { prng } from '../prng.ts';
import { FIXTURE_UNITS, type FixtureUnit } from './fixture-data.ts';
import { fixedDecimalText, terminatingDecimalText } from '../../shared/decimal/text.ts';

// ====================================================================== types

interface DemoEvidence {
  readonly title: string;
  readonly fileName: string;
  readonly page: number;
}

export interface DemoEntry {
  /** Leaf code in the unit group's framework. */
  readonly nodeCode: string;
  readonly round1: ScoreInput;
  readonly round2: ScoreInput;
  /** Declared figures (a of b) when the input is given as figures, else null. */
  readonly figures: { readonly a: string; readonly b: string } | null;
  /** The unit's short explanation (giải trình), Vietnamese. */
  readonly explanation: string;
  readonly evidence: readonly DemoEvidence[];
}

interface DemoExemption {
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis: string;
}

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly group: UnitGroup;
  readonly order: number;
  readonly entries: readonly DemoEntry[];
  readonly exemptions: readonly DemoExemption[];
  readonly survey: { readonly cbccvc: string; readonly sipas: string };
}

interface DemoMember {
  readonly code: string;
  readonly name: string;
  /** e.g. "Phó Giám đốc" */
  readonly position: string;
  /** e.g. "Sở Tư pháp" */
  readonly agency: string;
  readonly councilRole: 'chair' | 'vice_chair' | 'member';
  /** Field codes the member appraises ("1" … "8"); empty for the chair. */
  readonly fields: readonly string[];
}

interface DemoSecretariat {
  readonly name: string;
  readonly position: string;
  readonly agency: string;
}

export interface DemoCycle {
  readonly cycle: { readonly name: string; readonly year: number; readonly province: string };
  readonly units: readonly DemoUnit[];
  readonly council: { readonly members: readonly DemoMember[]; readonly secretariat: DemoSecretariat };
}

// ====================================================================== data

interface UnitSpec {
  readonly code: string;
  readonly name: string;
  readonly group: UnitGroup;
  /** Symbol used in document numbers ("12/KH-SNV"). */
  readonly abbr: string;
  readonly noLegalDocs?: boolean;
  readonly noPublicServiceUnits?: boolean;
  readonly noInspection?: boolean;
  readonly urban?: boolean;
  readonly fullHealthInsurance?: boolean;
}

const DEPARTMENTS: readonly UnitSpec[] = [
  { code: 'so-noi-vu', name: 'Sở Nội vụ', group: 'department', abbr: 'SNV' },
  { code: 'so-tu-phap', name: 'Sở Tư pháp', group: 'department', abbr: 'STP' },
  { code: 'so-tai-chinh', name: 'Sở Tài chính', group: 'department', abbr: 'STC' },
  { code: 'so-ke-hoach-dau-tu', name: 'Sở Kế hoạch và Đầu tư', group: 'department', abbr: 'SKHĐT' },
  { code: 'so-cong-thuong', name: 'Sở Công Thương', group: 'department', abbr: 'SCT' },
  { code: 'so-nong-nghiep', name: 'Sở Nông nghiệp và Phát triển nông thôn', group: 'department', abbr: 'SNN' },
  { code: 'so-giao-thong-van-tai', name: 'Sở Giao thông vận tải', group: 'department', abbr: 'SGTVT' },
  { code: 'so-xay-dung', name: 'Sở Xây dựng', group: 'department', abbr: 'SXD' },
  { code: 'so-tai-nguyen-moi-truong', name: 'Sở Tài nguyên và Môi trường', group: 'department', abbr: 'STNMT' },
  { code: 'so-thong-tin-truyen-thong', name: 'Sở Thông tin và Truyền thông', group: 'department', abbr: 'STTTT' },
  { code: 'so-lao-dong-tbxh', name: 'Sở Lao động - Thương binh và Xã hội', group: 'department', abbr: 'SLĐTBXH' },
  { code: 'so-van-hoa-tt-dl', name: 'Sở Văn hóa, Thể thao và Du lịch', group: 'department', abbr: 'SVHTTDL' },
  {
    code: 'so-khoa-hoc-cong-nghe',
    name: 'Sở Khoa học và Công nghệ',
    group: 'department',
    abbr: 'SKHCN',
    noLegalDocs: true,
  },
  { code: 'so-giao-duc-dao-tao', name: 'Sở Giáo dục và Đào tạo', group: 'department', abbr: 'SGDĐT' },
  { code: 'so-y-te', name: 'Sở Y tế', group: 'department', abbr: 'SYT' },
  {
    code: 'thanh-tra-tinh',
    name: 'Thanh tra tỉnh',
    group: 'department',
    abbr: 'TTr',
    noLegalDocs: true,
    noPublicServiceUnits: true,
  },
  { code: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh', group: 'department', abbr: 'VPUBND', noLegalDocs: true },
  {
    code: 'ban-dan-toc',
    name: 'Ban Dân tộc',
    group: 'department',
    abbr: 'BDT',
    noLegalDocs: true,
    noPublicServiceUnits: true,
  },
  {
    code: 'ban-quan-ly-cac-kcn',
    name: 'Ban Quản lý các Khu công nghiệp',
    group: 'department',
    abbr: 'BQLKCN',
    noLegalDocs: true,
  },
];
/** The sixth department without legal drafting in 2023 (DOMAIN: six departments). */
const NO_LEGAL_DOCS_EXTRA = 'so-thong-tin-truyen-thong';

const DISTRICT_SPECS: Readonly<Record<string, Omit<UnitSpec, 'name' | 'group'>>> = {
  'UBND huyện Mỹ Xuyên': { code: 'huyen-my-xuyen', abbr: 'UBND' },
  'UBND huyện Long Phú': { code: 'huyen-long-phu', abbr: 'UBND' },
  'UBND thị xã Ngã Năm': { code: 'thi-xa-nga-nam', abbr: 'UBND' },
  'UBND huyện Châu Thành': { code: 'huyen-chau-thanh', abbr: 'UBND' },
  'UBND huyện Kế Sách': { code: 'huyen-ke-sach', abbr: 'UBND' },
  'UBND huyện Thạnh Trị': { code: 'huyen-thanh-tri', abbr: 'UBND' },
  'UBND huyện Cù Lao Dung': { code: 'huyen-cu-lao-dung', abbr: 'UBND', fullHealthInsurance: true },
  'UBND huyện Mỹ Tú': { code: 'huyen-my-tu', abbr: 'UBND' },
  'UBND thành phố Sóc Trăng': { code: 'thanh-pho-soc-trang', abbr: 'UBND', urban: true },
  'UBND huyện Trần Đề': { code: 'huyen-tran-de', abbr: 'UBND' },
  'UBND thị xã Vĩnh Châu': { code: 'thi-xa-vinh-chau', abbr: 'UBND' },
  'Ban Quản lý Dự án 2': { code: 'ban-qlda-2', abbr: 'BQLDA2' },
  'Trường Cao đẳng Nghề Sóc Trăng': { code: 'truong-cd-nghe', abbr: 'CĐN' },
  'Ban Quản lý Dự án 1': { code: 'ban-qlda-1', abbr: 'BQLDA1' },
  'Trường Cao đẳng Cộng đồng Sóc Trăng': { code: 'truong-cd-cong-dong', abbr: 'CĐCĐ' },
  // Central agencies, under the names the report prints.
  'Công an tỉnh': { code: 'cong-an-tinh', abbr: 'CAT' },
  'Bảo hiểm xã hội': { code: 'bao-hiem-xa-hoi-tinh', abbr: 'BHXH' },
  'Cục Thuế tỉnh': { code: 'cuc-thue-tinh', abbr: 'CT' },
  'Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng': { code: 'ngan-hang-nha-nuoc-tinh', abbr: 'NHNN' },
  'Kho bạc Nhà nước': { code: 'kho-bac-nha-nuoc-tinh', abbr: 'KBNN' },
  'Chi cục Hải quan': { code: 'hai-quan-soc-trang', abbr: 'HQST', noInspection: true },
};

const COUNCIL: readonly DemoMember[] = [
  {
    code: 'tv01',
    name: 'Nguyễn Hoàng Minh',
    position: 'Phó Chủ tịch UBND tỉnh',
    agency: 'UBND tỉnh Sóc Trăng',
    councilRole: 'chair',
    fields: [],
  },
  {
    code: 'tv02',
    name: 'Lê Thị Thu Hà',
    position: 'Giám đốc',
    agency: 'Sở Nội vụ',
    councilRole: 'vice_chair',
    fields: ['1'],
  },
  {
    code: 'tv03',
    name: 'Phan Văn Tài',
    position: 'Phó Giám đốc',
    agency: 'Sở Nội vụ',
    councilRole: 'member',
    fields: ['4', '5'],
  },
  {
    code: 'tv04',
    name: 'Trần Thị Mỹ Linh',
    position: 'Phó Giám đốc',
    agency: 'Sở Tư pháp',
    councilRole: 'member',
    fields: ['2'],
  },
  {
    code: 'tv05',
    name: 'Võ Quốc Khánh',
    position: 'Phó Chánh Văn phòng',
    agency: 'Văn phòng UBND tỉnh',
    councilRole: 'member',
    fields: ['3'],
  },
  {
    code: 'tv06',
    name: 'Huỳnh Thị Ngọc Trâm',
    position: 'Phó Giám đốc',
    agency: 'Sở Tài chính',
    councilRole: 'member',
    fields: ['6'],
  },
  {
    code: 'tv07',
    name: 'Đỗ Minh Trí',
    position: 'Phó Giám đốc',
    agency: 'Sở Thông tin và Truyền thông',
    councilRole: 'member',
    fields: ['7'],
  },
  {
    code: 'tv08',
    name: 'Lâm Văn Phước',
    position: 'Phó Giám đốc',
    agency: 'Sở Kế hoạch và Đầu tư',
    councilRole: 'member',
    fields: ['8'],
  },
];

const SECRETARIAT: DemoSecretariat = {
  name: 'Nguyễn Thị Kim Phượng',
  position: 'Trưởng phòng Cải cách hành chính, Thư ký Hội đồng',
  agency: 'Sở Nội vụ',
};

/** Nodes only exempted for units that have the trait (never picked to make up an amount). */
const RURAL = /nông thôn/i;
const HEALTH_INSURANCE = /bảo hiểm y tế/i;
const LEGAL_DRAFTING = /^Xây dựng, ban hành văn bản quy phạm pháp luật$/i;
const SUBORDINATE_PSU = /đơn vị sự nghiệp (công lập )?trực thuộc/i;
const SUBORDINATE_INSPECTION = /^Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc$/i;

interface ReasonRule {
  readonly re: RegExp;
  readonly reason: (g: UnitGroup) => string;
  readonly basis: (g: UnitGroup) => string;
}
const REASONS: readonly ReasonRule[] = [
  {
    re: LEGAL_DRAFTING,
    reason: (g) =>
      g === 'district'
        ? 'Năm 2023, UBND huyện không được giao ban hành văn bản quy phạm pháp luật theo kế hoạch.'
        : 'Năm 2023, đơn vị không được giao chủ trì soạn thảo văn bản quy phạm pháp luật nào.',
    basis: (g) =>
      g === 'district'
        ? 'Kế hoạch xây dựng văn bản quy phạm pháp luật năm 2023 của UBND huyện; xác nhận của Sở Tư pháp'
        : 'Quyết định số 35/QĐ-UBND ngày 06/01/2023 của UBND tỉnh ban hành Chương trình xây dựng văn bản quy phạm pháp luật năm 2023',
  },
  {
    re: RURAL,
    reason: () => 'Thành phố không có địa bàn nông thôn nên không được giao chỉ tiêu này.',
    basis: () =>
      'Nghị quyết số 41/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh về kế hoạch phát triển kinh tế - xã hội năm 2023',
  },
  {
    re: HEALTH_INSURANCE,
    reason: () =>
      'Tỷ lệ dân số tham gia bảo hiểm y tế của huyện đã đạt 100% từ năm 2022, không giao chỉ tiêu tăng thêm.',
    basis: () => 'Văn bản số 1512/BHXH-QLT ngày 28/12/2023 của Bảo hiểm xã hội tỉnh về tỷ lệ bao phủ bảo hiểm y tế',
  },
  {
    re: SUBORDINATE_INSPECTION,
    reason: () =>
      'Theo phân cấp của ngành, việc kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc do cơ quan cấp trên thực hiện.',
    basis: () => 'Quy chế làm việc của Cục Hải quan thành phố Cần Thơ (Hải quan Sóc Trăng là đơn vị trực thuộc)',
  },
  {
    re: /^Tuyển dụng viên chức/i,
    reason: (g) =>
      g === 'department'
        ? 'Đơn vị không có đơn vị sự nghiệp công lập trực thuộc.'
        : 'Năm 2023, đơn vị không tổ chức tuyển dụng viên chức.',
    basis: (g) =>
      g === 'department'
        ? 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của đơn vị'
        : 'Báo cáo công tác tổ chức cán bộ năm 2023 của đơn vị; xác nhận của Sở Nội vụ',
  },
  {
    re: /^Nâng mức tự chủ/i,
    reason: (g) =>
      g === 'public_service_unit'
        ? 'Đơn vị không có nguồn thu sự nghiệp; kinh phí hoạt động do ngân sách nhà nước bảo đảm.'
        : 'Đơn vị không có đơn vị sự nghiệp công lập trực thuộc có nguồn thu.',
    basis: () => 'Quyết định giao quyền tự chủ tài chính giai đoạn 2023 – 2025; xác nhận của Sở Tài chính',
  },
  {
    re: SUBORDINATE_PSU,
    reason: () => 'Đơn vị không có đơn vị sự nghiệp công lập trực thuộc.',
    basis: () => 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của đơn vị',
  },
  {
    re: /công bố danh mục thủ tục hành chính/i,
    reason: () =>
      'Năm 2023 không có văn bản quy phạm pháp luật mới quy định thủ tục hành chính thuộc lĩnh vực quản lý của đơn vị.',
    basis: () => 'Báo cáo rà soát thủ tục hành chính năm 2023; xác nhận của Văn phòng UBND tỉnh',
  },
  {
    re: /phản ánh, kiến nghị/i,
    reason: () => 'Năm 2023, đơn vị không tiếp nhận phản ánh, kiến nghị nào về quy định, thủ tục hành chính.',
    basis: () => 'Số liệu Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị của tỉnh; xác nhận của Văn phòng UBND tỉnh',
  },
  {
    re: /thanh tra, kiểm toán về tài chính/i,
    reason: () => 'Năm 2023, đơn vị không có cuộc thanh tra, kiểm toán về tài chính.',
    basis: () =>
      'Kế hoạch thanh tra năm 2023 của Thanh tra tỉnh; Kế hoạch kiểm toán năm 2023 của Kiểm toán Nhà nước khu vực IX',
  },
  {
    re: /sáng kiến, mô hình CCHC đã được công nhận/i,
    reason: () => 'Đơn vị chưa có sáng kiến, mô hình cải cách hành chính được công nhận trước năm 2023.',
    basis: () => 'Các quyết định công nhận sáng kiến, mô hình cải cách hành chính năm 2021, 2022 của UBND tỉnh',
  },
  {
    re: /kết quả theo dõi thi hành pháp luật/i,
    reason: () =>
      'Năm 2023, qua theo dõi thi hành pháp luật không phát hiện vướng mắc, bất cập cần xử lý hoặc kiến nghị xử lý.',
    basis: () => 'Báo cáo công tác theo dõi thi hành pháp luật năm 2023 của đơn vị',
  },
  {
    re: /Sắp xếp đơn vị hành chính cấp xã/i,
    reason: () => 'Năm 2023, huyện không có đơn vị hành chính cấp xã, ấp, khóm thuộc diện sắp xếp.',
    basis: () =>
      'Kế hoạch số 125/KH-UBND ngày 20/7/2023 của UBND tỉnh về sắp xếp đơn vị hành chính giai đoạn 2023 – 2025',
  },
  {
    re: /phòng, khoa, bộ phận/i,
    reason: () => 'Năm 2023, đơn vị không có phòng, bộ phận thuộc diện sắp xếp.',
    basis: () => 'Quy chế tổ chức và hoạt động của đơn vị; xác nhận của cơ quan chủ quản',
  },
  {
    re: /dịch vụ sự nghiệp công/i,
    reason: () => 'Đơn vị không cung cấp dịch vụ sự nghiệp công có thu.',
    basis: () => 'Quyết định giao nhiệm vụ năm 2023 của cơ quan chủ quản',
  },
  {
    re: /thanh toán trực tuyến/i,
    reason: () => 'Đơn vị không có dịch vụ thu phí, lệ phí.',
    basis: () => 'Danh mục dịch vụ công trực tuyến của đơn vị trên Cổng Dịch vụ công của tỉnh',
  },
];

/** Per field: the unit's documents cited as evidence. [type symbol, title]. */
const FIELD_DOCS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  '1': [
    ['KH', 'Kế hoạch cải cách hành chính năm 2023'],
    ['BC', 'Báo cáo kết quả công tác cải cách hành chính năm 2023'],
  ],
  '2': [
    ['KH', 'Kế hoạch tự kiểm tra, rà soát văn bản quy phạm pháp luật năm 2023'],
    ['BC', 'Báo cáo công tác tư pháp năm 2023'],
  ],
  '3': [
    ['KH', 'Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2023'],
    ['BC', 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính năm 2023'],
  ],
  '4': [
    ['QĐ', 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức'],
    ['BC', 'Báo cáo công tác tổ chức bộ máy, biên chế năm 2023'],
  ],
  '5': [
    ['QĐ', 'Quyết định phê duyệt vị trí việc làm và cơ cấu ngạch công chức, viên chức'],
    ['BC', 'Báo cáo chất lượng đội ngũ cán bộ, công chức, viên chức năm 2023'],
  ],
  '6': [
    ['QĐ', 'Quyết định công bố công khai dự toán ngân sách năm 2023'],
    ['BC', 'Báo cáo tình hình thực hiện cơ chế tự chủ tài chính năm 2023'],
  ],
  '7': [
    ['KH', 'Kế hoạch chuyển đổi số năm 2023'],
    ['BC', 'Báo cáo kết quả ứng dụng công nghệ thông tin, chuyển đổi số năm 2023'],
  ],
  '8': [
    ['BC', 'Báo cáo tình hình thực hiện nhiệm vụ, chỉ tiêu năm 2023'],
    ['BC', 'Báo cáo tổng kết công tác năm 2023 và phương hướng năm 2024'],
  ],
};

// ====================================================================== helpers

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The code base's PRNG (mulberry32, bench/synthetic.ts), seeded by a string, with the draws the demo needs. */
class Rng {
  readonly next: () => number;
  constructor(seed: string) {
    this.next = prng(fnv1a(seed) || 1);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

/** Two decimals, half up, as text. */
const two = (r: Rational): string => fixedDecimalText(r, 2);
/** A rational of hundredths from a JS number (deterministic, no binary surprises). */
const hundredths = (x: number): Rational => rat(Math.round(x * 100), 100);

function percentText(a: Rational, b: Rational): string {
  return viDecimalText(fixedDecimalText(mul(div(a, b), HUNDRED), 2));
}

function score(node: FrameworkNode, input: ScoreInput): Rational {
  const r = scoreNode(node.scoring!, node.maxPoints, input);
  if (!r.ok) throw new Error(`demo: invalid input for ${node.code}: ${r.error.message}`);
  return r.value;
}

// ====================================================================== options per leaf

interface Option {
  readonly points: Rational;
  readonly input: ScoreInput;
  readonly figures: { a: string; b: string } | null;
  readonly explanation: string;
}

function countUnit(title: string): string {
  if (/quý/i.test(title)) return 'quý';
  if (/tháng/i.test(title)) return 'tháng';
  if (/lớp/i.test(title)) return 'lớp';
  return 'lần';
}

/** Groups candidate inputs by their points; one (random) input per distinct points, best first. */
function distinct(node: FrameworkNode, candidates: readonly Omit<Option, 'points'>[], rng: Rng): Option[] {
  const byPoints = new Map<string, Option[]>();
  for (const c of candidates) {
    const r = scoreNode(node.scoring!, node.maxPoints, c.input);
    if (!r.ok) continue;
    const key = `${r.value.n}/${r.value.d}`;
    const list = byPoints.get(key) ?? [];
    list.push({ ...c, points: r.value });
    byPoints.set(key, list);
  }
  return [...byPoints.values()].map((list) => rng.pick(list)).sort((x, y) => cmp(y.points, x.points));
}

/** Declared figures a/b near `percent` (the caller checks that they score the same). */
function figuresFor(percent: Rational, rng: Rng): { a: string; b: string } {
  const b = rng.int(24, 480);
  const a = Number(fixedDecimalText(div(mul(percent, rat(b)), HUNDRED), 0));
  return { a: String(Math.min(a, b)), b: String(b) };
}

/** The distinct outcomes of a discrete leaf (every kind but survey), best first. */
function discreteOptions(node: FrameworkNode, rng: Rng): Option[] {
  const s = node.scoring!;
  switch (s.kind) {
    case 'tick':
      return distinct(
        node,
        [
          { input: { met: true }, figures: null, explanation: 'Đã thực hiện đầy đủ theo yêu cầu của tiêu chí.' },
          {
            input: { met: false },
            figures: null,
            explanation: 'Chưa thực hiện hoặc thực hiện chưa đầy đủ trong năm 2023.',
          },
        ],
        rng,
      );
    case 'timeliness': {
      const text = (key: string, label: string) =>
        key === 'on_time'
          ? 'Thực hiện đúng thời hạn quy định.'
          : key === 'late'
            ? 'Có thực hiện nhưng trễ hạn so với quy định.'
            : key === 'not_done'
              ? 'Chưa thực hiện trong năm 2023.'
              : `Tự đánh giá ở mức “${label}”.`;
      return distinct(
        node,
        s.tiers.map((t) => ({ input: { tier: t.key }, figures: null, explanation: text(t.key, t.label) })),
        rng,
      );
    }
    case 'percentage': {
      const values = new Set<string>(['100', '98.5', '0', '42.3']);
      for (const t of s.thresholds) {
        const m = Number(t.min);
        for (const off of [0, 0.01, 0.5, 1.3, 4.1, -0.7, -3.2, -11.5]) {
          const v = Math.min(100, Math.max(0, m + off));
          values.add(two(hundredths(v)));
        }
      }
      const cands: Omit<Option, 'points'>[] = [];
      for (const v of values) {
        const p = parseDecimalOrThrow(v);
        const f = figuresFor(p, rng);
        const viaFigures = { a: f.a, b: f.b };
        const same = (() => {
          const r1 = scoreNode(s, node.maxPoints, { percent: v });
          const r2 = scoreNode(s, node.maxPoints, viaFigures);
          return r1.ok && r2.ok && cmp(r1.value, r2.value) === 0;
        })();
        if (same) {
          cands.push({
            input: viaFigures,
            figures: viaFigures,
            explanation: `Đạt ${viDecimalText(f.a)}/${viDecimalText(f.b)} (${percentText(parseDecimalOrThrow(f.a), parseDecimalOrThrow(f.b))}%).`,
          });
        } else cands.push({ input: { percent: v }, figures: null, explanation: `Tỷ lệ đạt ${viDecimalText(v)}%.` });
      }
      return distinct(node, cands, rng);
    }
    case 'count': {
      const top = Math.max(0, ...s.tiers.map((t) => t.min)) + 1;
      const unit = countUnit(node.title);
      const cands: Omit<Option, 'points'>[] = [];
      for (let c = 0; c <= top; c++) {
        if (/quý/i.test(node.title) && c > 4) continue;
        if (/tháng/i.test(node.title) && c > 12) continue;
        cands.push({
          input: { count: String(c) },
          figures: null,
          explanation: c === 0 ? `Không có ${unit} nào đạt yêu cầu.` : `Thực hiện được ${c} ${unit}.`,
        });
      }
      return distinct(node, cands, rng);
    }
    case 'deduction': {
      const max = parseDecimalOrThrow(node.maxPoints);
      const per = parseDecimalOrThrow(s.perViolation);
      const floor = parseDecimalOrThrow(s.floor);
      const cands: Omit<Option, 'points'>[] = [];
      for (let k = 0; k <= 40; k++) {
        cands.push({
          input: { violations: String(k) },
          figures: null,
          explanation: k === 0 ? 'Không có trường hợp vi phạm.' : `Có ${k} trường hợp vi phạm trong năm 2023.`,
        });
        if (cmp(sub(max, mul(rat(k), per)), floor) <= 0) break;
      }
      return distinct(node, cands, rng);
    }
    case 'previous_year_delta': {
      const deltas = new Set<string>(['-1.5', '-4.05', '0', '5.6', '2.4']);
      for (const t of s.tiers) {
        const m = Number(t.minDelta);
        for (const off of [0, 0.01, 0.47, 1.85, -0.36, -2.2]) deltas.add(two(hundredths(m + off)));
      }
      const cands: Omit<Option, 'points'>[] = [];
      for (const dText of deltas) {
        const earlier = hundredths(68 + rng.next() * 16);
        let prev = add(earlier, parseDecimalOrThrow(dText));
        let early = earlier;
        if (cmp(prev, HUNDRED) > 0) {
          early = sub(early, sub(prev, HUNDRED));
          prev = HUNDRED;
        }
        const pt = two(prev);
        const et = two(early);
        cands.push({
          input: { previousIndex: pt, earlierIndex: et },
          figures: null,
          explanation: `Chỉ số CCHC năm 2022 đạt ${viDecimalText(pt)}%, năm 2021 đạt ${viDecimalText(et)}% (thay đổi ${viDecimalText(two(sub(prev, early)))} điểm %).`,
        });
      }
      return distinct(node, cands, rng);
    }
    case 'proportional': {
      const b = 4 * rng.int(3, 60);
      return distinct(
        node,
        [4, 3, 2, 1, 0].map((k) => {
          const a = String((b * k) / 4);
          return {
            input: { a, b: String(b) },
            figures: { a, b: String(b) },
            explanation: `Số liệu kê khai: đạt ${viDecimalText(a)}/${viDecimalText(String(b))}.`,
          };
        }),
        rng,
      );
    }
    case 'survey':
      return [];
  }
}

/** Figures a/b whose a/b × max equals `points` exactly. */
function flexOption(node: FrameworkNode, points: Rational, rng: Rng): Option {
  const max = parseDecimalOrThrow(node.maxPoints);
  const q = max.n === 0n ? ZERO : div(points, max);
  const fixed = /\((\d+) chỉ tiêu\)/.exec(node.title);
  let a: string | null = null;
  let b: string | null = null;
  if (fixed) {
    const n = BigInt(fixed[1]!);
    const at = terminatingDecimalText(mul(q, rat(n)), 12);
    if (at !== null) {
      a = at;
      b = n.toString();
    }
  }
  if (a === null || b === null) {
    const base = BigInt(rng.int(40, 4000));
    const k = (base + q.d - 1n) / q.d;
    a = (q.n * k).toString();
    b = (q.d * k).toString();
  }
  const input = { a, b };
  const got = score(node, input);
  if (cmp(got, points) !== 0) throw new Error(`demo: figures for ${node.code} do not give the target`);
  const explanation = fixed
    ? `Đạt ${viDecimalText(a)}/${viDecimalText(b)} chỉ tiêu (quy đổi theo tỷ lệ hoàn thành).`
    : `Số liệu kê khai: đạt ${viDecimalText(a)}/${viDecimalText(b)} (${percentText(parseDecimalOrThrow(a), parseDecimalOrThrow(b))}%).`;
  return { points, input, figures: { a, b }, explanation };
}

// ====================================================================== composing a field

interface LeafRef {
  readonly node: FrameworkNode;
  readonly max: Rational;
}

/** Leaf code → chosen option. */
type Choice = Map<string, Option>;

function pickFlex(leaves: readonly LeafRef[]): LeafRef | null {
  let best: LeafRef | null = null;
  for (const l of leaves) {
    if (l.node.scoring?.kind !== 'proportional') continue;
    if (!best || cmp(l.max, best.max) > 0) best = l;
  }
  return best;
}

/**
 * Chooses an option per leaf so that the leaves' points add up to `target` exactly:
 * every discrete leaf starts at its best option and loses points (in a seeded order) until
 * the remainder fits the largest proportional leaf, whose figures then give it exactly.
 */
function composeField(leaves: readonly LeafRef[], target: Rational, rng: Rng): Choice | null {
  const flex = pickFlex(leaves);
  const discrete = leaves.filter((l) => l !== flex);
  const opts = discrete.map((l) => discreteOptions(l.node, rng));
  let top = flex ? flex.max : ZERO;
  for (const o of opts) top = add(top, o[0]!.points);
  const loss = sub(top, target);
  if (loss.n < 0n) return null;
  for (const [preFlex, skip] of [
    [0.25, 0.35],
    [0.1, 0.15],
    [0, 0],
  ] as const) {
    const f0 = flex ? minR(loss, hundredths(rng.next() * preFlex * Number(flex.node.maxPoints))) : ZERO;
    let rem = sub(loss, f0);
    const choice: Choice = new Map();
    for (const i of rng.shuffle(discrete.map((_, i) => i))) {
      const o = opts[i]!;
      const best = o[0]!.points;
      let chosen = o[0]!;
      if (!(skip > 0 && rng.chance(skip))) {
        for (const cand of o) {
          const l = sub(best, cand.points);
          if (cmp(l, rem) <= 0 && cmp(l, sub(best, chosen.points)) > 0) chosen = cand;
        }
      }
      rem = sub(rem, sub(best, chosen.points));
      choice.set(discrete[i]!.node.code, chosen);
    }
    if (flex) {
      const flexLoss = add(f0, rem);
      if (cmp(flexLoss, flex.max) > 0) continue;
      choice.set(flex.node.code, flexOption(flex.node, sub(flex.max, flexLoss), rng));
      return choice;
    }
    if (rem.n === 0n) return choice;
  }
  return null;
}

function minR(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}

// ====================================================================== units

interface Context {
  readonly framework: Framework;
  readonly tree: FrameworkTree;
  readonly plan: TotalsPlan;
  readonly group: UnitGroup;
  /** Field code → applicable leaves of the field, in order. */
  readonly fieldLeaves: ReadonlyMap<
    string,
    readonly (LeafRef & { path: readonly string[]; survey: 'cbccvc' | 'sipas' | null })[]
  >;
  /** Exemptable nodes applicable to the group, with the points they take out. */
  readonly exemptable: readonly { node: FrameworkNode; amount: Rational; field: string; leaves: ReadonlySet<string> }[];
  readonly full: Rational;
}

function context(framework: Framework): Context {
  const tree = buildTree(framework);
  const group = framework.group;
  const plan = planTotals(tree, group);
  const fieldLeaves = new Map<string, (LeafRef & { path: readonly string[]; survey: 'cbccvc' | 'sipas' | null })[]>();
  let full = ZERO;
  for (const l of plan.leaves) {
    const field = plan.fields[l.fieldIndex]!.code;
    const list = fieldLeaves.get(field) ?? [];
    list.push({ node: tree.byCode.get(l.code)!, max: l.max, path: l.path, survey: l.survey });
    fieldLeaves.set(field, list);
    full = add(full, l.max);
  }
  const exemptable: Context['exemptable'][number][] = [];
  for (const n of framework.nodes) {
    if (!n.exemptable) continue;
    const under = plan.leaves.filter((l) => l.path.includes(n.code));
    if (under.length === 0) continue;
    exemptable.push({
      node: n,
      amount: under.reduce((s, l) => add(s, l.max), ZERO),
      field: plan.fields[under[0]!.fieldIndex]!.code,
      leaves: new Set(under.map((l) => l.code)),
    });
  }
  return { framework, tree, plan, group, fieldLeaves, exemptable, full };
}

function forcedExemption(spec: UnitSpec, node: FrameworkNode, group: UnitGroup): boolean {
  if (RURAL.test(node.title)) return !!spec.urban;
  if (HEALTH_INSURANCE.test(node.title)) return !!spec.fullHealthInsurance;
  if (SUBORDINATE_INSPECTION.test(node.title)) return !!spec.noInspection;
  if (LEGAL_DRAFTING.test(node.title)) return !!spec.noLegalDocs;
  if (group === 'department' && SUBORDINATE_PSU.test(node.title)) return !!spec.noPublicServiceUnits;
  return false;
}

/** Nodes that are only ever exempted because of a trait of the unit. */
function traitOnly(node: FrameworkNode, group: UnitGroup): boolean {
  return (
    RURAL.test(node.title) ||
    HEALTH_INSURANCE.test(node.title) ||
    SUBORDINATE_INSPECTION.test(node.title) ||
    (group === 'department' && (LEGAL_DRAFTING.test(node.title) || SUBORDINATE_PSU.test(node.title)))
  );
}

function exemptionFor(node: FrameworkNode, group: UnitGroup): DemoExemption {
  const rule = REASONS.find((r) => r.re.test(node.title));
  return {
    nodeCode: node.code,
    reason: rule ? rule.reason(group) : `Năm 2023, đơn vị không phát sinh nhiệm vụ “${node.title}”.`,
    legalBasis: rule ? rule.basis(group) : 'Báo cáo giải trình của đơn vị, được cơ quan thường trực xác nhận',
  };
}

/** Subsets of `items` (no node together with its ancestor) whose amounts add up to `need`. */
function subsetsSumming<T extends { node: FrameworkNode; amount: Rational }>(
  items: readonly T[],
  need: Rational,
): T[][] {
  const out: T[][] = [];
  const walk = (i: number, acc: Rational, chosen: T[]) => {
    const c = cmp(acc, need);
    if (c === 0) {
      out.push([...chosen]);
      return;
    }
    if (c > 0 || i >= items.length || out.length > 5000) return;
    const it = items[i]!;
    const clash = chosen.some(
      (x) => it.node.code.startsWith(`${x.node.code}.`) || x.node.code.startsWith(`${it.node.code}.`),
    );
    if (!clash) {
      chosen.push(it);
      walk(i + 1, add(acc, it.amount), chosen);
      chosen.pop();
    }
    walk(i + 1, acc, chosen);
  };
  walk(0, ZERO, []);
  return out;
}

interface Built {
  readonly entries: DemoEntry[];
  readonly exemptions: DemoExemption[];
  readonly survey: { cbccvc: string; sipas: string };
}

/** The unit's documents, numbered once so that every citation of a document agrees. */
class Documents {
  private readonly numbers = new Map<string, number>();
  private readonly abbr: string;
  private readonly rng: Rng;
  constructor(abbr: string, rng: Rng) {
    this.abbr = abbr;
    this.rng = rng;
  }
  cite(field: string, which: number): DemoEvidence {
    const docs = FIELD_DOCS[field] ?? FIELD_DOCS['1']!;
    const [type, title] = docs[which % docs.length]!;
    const key = `${field}:${which}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.rng.int(5, 320);
      this.numbers.set(key, n);
    }
    const symbol = `${n}/${type}-${this.abbr}`;
    const ascii = `${type}-${n}-${this.abbr}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
    return { title: `${title} số ${symbol}`, fileName: `${ascii}-2023.pdf`, page: this.rng.int(1, 28) };
  }
}

function entriesFrom(
  ctx: Context,
  choice: Choice,
  exempted: ReadonlySet<string>,
  spec: { abbr: string; code: string },
  rng: Rng,
): DemoEntry[] {
  const docs = new Documents(spec.abbr, new Rng(`${spec.code}:docs`));
  const entries: DemoEntry[] = [];
  for (const [field, leaves] of ctx.fieldLeaves) {
    for (const l of leaves) {
      if (l.survey || l.path.some((c) => exempted.has(c))) continue;
      const chosen = choice.get(l.node.code);
      if (!chosen) throw new Error(`demo: no score for ${l.node.code}`);
      // Round 1: usually the same; sometimes the unit first claimed more (or less) and corrected it.
      let round1: ScoreInput = chosen.input;
      if (rng.chance(0.18)) {
        if (l.node.scoring!.kind === 'proportional' && chosen.figures) {
          const a = parseDecimalOrThrow(chosen.figures.a);
          const b = parseDecimalOrThrow(chosen.figures.b);
          const bumped = add(a, rat(Math.max(1, Math.round(Number(chosen.figures.b) * 0.02))));
          round1 = {
            a: terminatingDecimalText(cmp(bumped, b) > 0 ? b : bumped, 12) ?? chosen.figures.a,
            b: chosen.figures.b,
          };
        } else {
          const others = discreteOptions(l.node, rng).filter((o) => cmp(o.points, chosen.points) !== 0);
          const higher = others.filter((o) => cmp(o.points, chosen.points) > 0);
          const alt = higher.length > 0 ? higher[higher.length - 1]! : others[0];
          if (alt) round1 = alt.input;
        }
      }
      const evidence = [docs.cite(field, 0)];
      if (rng.chance(0.45)) evidence.push(docs.cite(field, 1));
      entries.push({
        nodeCode: l.node.code,
        round1,
        round2: chosen.input,
        figures: chosen.figures,
        explanation: chosen.explanation,
        evidence,
      });
    }
  }
  return entries;
}

/** Non-survey leaves of a field that remain after the exemptions. */
function remaining(ctx: Context, field: string, exempted: ReadonlySet<string>): LeafRef[] {
  return (ctx.fieldLeaves.get(field) ?? []).filter((l) => !l.survey && !l.path.some((c) => exempted.has(c)));
}

function sumMax(leaves: readonly LeafRef[]): Rational {
  return leaves.reduce((s, l) => add(s, l.max), ZERO);
}

/** A fixture unit: benchmark, survey, self-assessment and field scores as published. */
function buildFixtureUnit(ctx: Context, fx: FixtureUnit, spec: UnitSpec): Built {
  const rng = new Rng(`soc-trang-2023:${spec.code}`);
  const cb = parseDecimalOrThrow(fx.surveyCbccvc);
  const sip = parseDecimalOrThrow(fx.surveySipas);
  const fields = ctx.plan.fields.map((f) => f.code);
  for (const f of fields)
    if (fx.fields[f] === undefined) throw new Error(`demo: no published score of field ${f} for ${fx.name}`);

  // Where the published 2-decimal figures do not add up, spread the difference
  // (thousandths, at most 4 per field) over fields 1–7.
  const fieldSum = fields.reduce((s, f) => add(s, parseDecimalOrThrow(fx.fields[f]!)), ZERO);
  const gap = sub(add(add(parseDecimalOrThrow(fx.selfAssessed), cb), sip), fieldSum);
  const gapThousandths = Number(fixedDecimalText(mul(gap, rat(1000)), 0));

  const surveyIn = (field: string): Rational => {
    let s = ZERO;
    for (const l of ctx.fieldLeaves.get(field) ?? []) {
      if (l.survey === 'cbccvc') s = add(s, cb);
      if (l.survey === 'sipas') s = add(s, sip);
    }
    return s;
  };

  const need = sub(ctx.full, parseDecimalOrThrow(fx.benchmark));
  const forced = ctx.exemptable.filter((e) => forcedExemption(spec, e.node, ctx.group));
  const forcedAmount = forced.reduce((s, e) => add(s, e.amount), ZERO);
  const pool = ctx.exemptable.filter(
    (e) =>
      !traitOnly(e.node, ctx.group) &&
      !forced.includes(e) &&
      !forced.some((x) => e.node.code.startsWith(`${x.node.code}.`) || x.node.code.startsWith(`${e.node.code}.`)),
  );
  const subsets = subsetsSumming(pool, sub(need, forcedAmount));
  if (subsets.length === 0) throw new Error(`demo: no lowered benchmark of ${two(need)} points for ${fx.name}`);

  type Plan = {
    set: typeof pool;
    exempted: Set<string>;
    targets: Map<string, Rational>;
    lowSlack: boolean;
    key: number;
  };
  const plans: Plan[] = [];
  for (const set of subsets) {
    const all = [...forced, ...set];
    const exempted = new Set(all.map((e) => e.node.code));
    // Distribute the rounding gap over fields 1–7 that keep a proportional leaf.
    const targets = new Map<string, Rational>(fields.map((f) => [f, parseDecimalOrThrow(fx.fields[f]!)]));
    let left = gapThousandths;
    for (const f of fields) {
      if (left === 0) break;
      if (f === '8' || !pickFlex(remaining(ctx, f, exempted))) continue;
      const step = Math.max(-4, Math.min(4, left));
      targets.set(f, add(targets.get(f)!, rat(step, 1000)));
      left -= step;
    }
    if (left !== 0) continue;
    let ok = true;
    let lowSlack = false;
    for (const f of fields) {
      const own = sub(targets.get(f)!, surveyIn(f));
      const slack = sub(sumMax(remaining(ctx, f, exempted)), own);
      if (own.n < 0n || slack.n < 0n) ok = false;
      if (all.some((e) => e.field === f) && cmp(slack, rat(1, 2)) < 0) lowSlack = true;
    }
    if (ok) plans.push({ set, exempted, targets, lowSlack, key: rng.next() });
  }
  plans.sort((x, y) => Number(x.lowSlack) - Number(y.lowSlack) || x.set.length - y.set.length || x.key - y.key);

  for (const p of plans) {
    const choice: Choice = new Map();
    let ok = true;
    for (const f of fields) {
      const part = composeField(remaining(ctx, f, p.exempted), sub(p.targets.get(f)!, surveyIn(f)), rng);
      if (!part) {
        ok = false;
        break;
      }
      for (const [k, v] of part) choice.set(k, v);
    }
    if (!ok) continue;
    const exemptions = [...forced, ...p.set]
      .sort((a, b) => (a.node.code < b.node.code ? -1 : 1))
      .map((e) => exemptionFor(e.node, ctx.group));
    return {
      entries: entriesFrom(ctx, choice, p.exempted, spec, rng),
      exemptions,
      survey: { cbccvc: fx.surveyCbccvc, sipas: fx.surveySipas },
    };
  }
  throw new Error(`demo: cannot reproduce the published figures of ${fx.name} with this framework`);
}

/** A unit without published figures: plausible, deterministic scores around `rate`. */
function buildGeneratedUnit(ctx: Context, spec: UnitSpec, rate: number): Built {
  const rng = new Rng(`soc-trang-2023:${spec.code}`);
  const forced = ctx.exemptable.filter((e) => forcedExemption(spec, e.node, ctx.group));
  const optional = ctx.exemptable.filter(
    (e) =>
      !traitOnly(e.node, ctx.group) &&
      !forced.some((x) => e.node.code.startsWith(`${x.node.code}.`) || x.node.code.startsWith(`${e.node.code}.`)) &&
      rng.chance(0.18),
  );
  const chosen = [...forced, ...optional].filter(
    (e, i, all) => !all.some((x, j) => j !== i && e.node.code.startsWith(`${x.node.code}.`)),
  );
  const exempted = new Set(chosen.map((e) => e.node.code));
  const choice: Choice = new Map();
  let cb = '0';
  let sip = '0';
  for (const leaves of ctx.fieldLeaves.values()) {
    const fieldRate = Math.min(0.99, Math.max(0.3, rate + (rng.next() - 0.5) * 0.16));
    const live = leaves.filter((l) => !l.path.some((c) => exempted.has(c)));
    for (const l of live) {
      if (l.survey) {
        const share =
          l.survey === 'sipas'
            ? 0.84 + rng.next() * 0.12
            : Math.min(0.97, Math.max(0.7, rate + 0.08 + (rng.next() - 0.5) * 0.1));
        const pts = two(mul(l.max, hundredths(share)));
        if (l.survey === 'cbccvc') cb = pts;
        else sip = pts;
        continue;
      }
      if (l.node.scoring!.kind === 'proportional') {
        const q = Math.min(1, Math.max(0, fieldRate + (rng.next() - 0.3) * 0.2));
        choice.set(l.node.code, flexOption(l.node, mul(l.max, hundredths(q)), rng));
        continue;
      }
      const opts = discreteOptions(l.node, rng);
      if (rng.chance(fieldRate) || opts.length === 1) choice.set(l.node.code, opts[0]!);
      else choice.set(l.node.code, opts[rng.chance(0.6) ? 1 : rng.int(1, opts.length - 1)]!);
    }
  }
  const exemptions = chosen
    .sort((a, b) => (a.node.code < b.node.code ? -1 : 1))
    .map((e) => exemptionFor(e.node, ctx.group));
  return { entries: entriesFrom(ctx, choice, exempted, spec, rng), exemptions, survey: { cbccvc: cb, sipas: sip } };
}

// ====================================================================== the cycle

/** Rates (share of the attainable points) of the generated units, spread over classification groups 2–4. */
function generatedRates(n: number): number[] {
  const rng = new Rng('soc-trang-2023:rates');
  const lo = 0.5;
  const hi = 0.8;
  return rng.shuffle(Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, n - 1)));
}

export function buildDemoCycle(frameworks: Record<GroupPresetCode, Framework>): DemoCycle {
  const ctx = {
    department: context(frameworks.department),
    district: context(frameworks.district),
    public_service_unit: context(frameworks.public_service_unit),
    central_agency: context(frameworks.central_agency),
  } satisfies Record<UnitGroup, Context>;

  const generated: UnitSpec[] = DEPARTMENTS.map((d) =>
    d.code === NO_LEGAL_DOCS_EXTRA ? { ...d, noLegalDocs: true } : d,
  );
  // The rates were first drawn for 25 units without published figures (the 19 departments and
  // the 6 central agencies, before the report's central-agency tables were transcribed); the
  // departments keep theirs, so their illustrative indices stay where the report's facts put them.
  const rates = generatedRates(generated.length + 6);
  const rateOf = new Map(generated.map((s, i) => [s.code, rates[i]!]));

  const units: DemoUnit[] = [];
  const push = (spec: UnitSpec, b: Built) =>
    units.push({ code: spec.code, name: spec.name, group: spec.group, order: units.length + 1, ...b });

  for (const spec of generated.filter((s) => s.group === 'department'))
    push(spec, buildGeneratedUnit(ctx.department, spec, rateOf.get(spec.code)!));
  for (const fx of FIXTURE_UNITS) {
    const extra = DISTRICT_SPECS[fx.name];
    if (!extra) throw new Error(`demo: no unit code for ${fx.name}`);
    const spec: UnitSpec = { ...extra, name: fx.name, group: fx.group };
    push(spec, buildFixtureUnit(ctx[fx.group], fx, spec));
  }
  // Report order: departments, districts, public service units, central agencies.
  const groupOrder: readonly UnitGroup[] = ['department', 'district', 'public_service_unit', 'central_agency'];
  const ordered = groupOrder.flatMap((g) => units.filter((u) => u.group === g)).map((u, i) => ({ ...u, order: i + 1 }));
  return {
    cycle: { name: 'Sóc Trăng 2023', year: 2023, province: 'Sóc Trăng' },
    units: ordered,
    council: { members: COUNCIL, secretariat: SECRETARIAT },
  };
}
