/**
 * The Vietnamese strings of the results screens: results tables, unit drill-down,
 * what-if, charts, narrative, imports, documents and exports. Same shape rules as vi.ts.
 */
import { formatNumber } from '../../shared/format/vi.ts';

/** Counts in vi-VN (1.889, not 1889). */
const nf = (v: number): string => formatNumber(v, 0);

import { importsText, documentsText } from './documents.ts';

export const resultsText = {
  nav: {
    results: 'Kết quả',
    imports: 'Nhập dữ liệu',
    documents: 'Văn bản',
  },

  sub: {
    label: 'Các phần của kết quả',
    tables: 'Bảng kết quả',
    charts: 'Biểu đồ',
    narrative: 'Nhận xét',
    imports: 'Nhập dữ liệu',
    documents: 'Văn bản, xuất bảng',
  },

  results: {
    title: (year: number) => `Kết quả Chỉ số CCHC năm ${year}`,
    subtitle: (cycle: string, units: number) => `${cycle} · ${nf(units)} cơ quan, đơn vị`,
    provisional: 'Số liệu tạm tính: các tiêu chí chưa được thẩm định đang tính theo điểm tự đánh giá.',
    groupTabs: 'Khối đơn vị',
    allUnits: 'Tất cả đơn vị',
    views: 'Bảng',
    summaryView: 'Bảng tổng hợp',
    fieldsView: 'Điểm theo lĩnh vực',
    overall: 'Toàn tỉnh',
    count: 'Số đơn vị',
    average: 'Trung bình',
    highest: 'Cao nhất',
    lowest: 'Thấp nhất',
    spread: 'Khoảng cách',
    previousAverage: (year: number) => `Trung bình ${year}`,
    partialPreviousShort: (n: number, total: number) => `(${nf(n)}/${nf(total)} đơn vị)`,
    partialPrevious: (n: number, total: number) =>
      `Chỉ ${nf(n)}/${nf(total)} đơn vị có Chỉ số năm trước: không so sánh trung bình.`,
    change: 'Tăng/giảm',
    classCounts: 'Xếp nhóm',
    classCount: (g: number, n: number) => `Nhóm ${g}: ${nf(n)}`,
    search: 'Tìm đơn vị',
    searchPlaceholder: 'Gõ tên đơn vị',
    classFilter: 'Nhóm xếp loại',
    allClasses: 'Tất cả nhóm',
    shown: (n: number, total: number) => (n === total ? `${nf(total)} đơn vị` : `${nf(n)}/${nf(total)} đơn vị`),
    openUnit: (unit: string) => `Xem chi tiết Chỉ số của ${unit}`,
    missedTitle: 'Tiêu chí thành phần có đơn vị không đạt',
    missedNone: 'Mọi đơn vị của khối đều đạt điểm ở tất cả tiêu chí thành phần được tính.',
    missedUnits: (n: number) => `${nf(n)} đơn vị`,
    fieldStatsTitle: 'Thống kê theo lĩnh vực',
    fieldShow: 'Hiển thị',
    fieldPoints: 'Điểm',
    fieldPercent: 'Tỷ lệ %',
    fieldCellTitle: (points: string, benchmark: string, percent: string) => `${points}/${benchmark} điểm (${percent})`,
    notApplicable: 'Không áp dụng',
    exemptField: 'Hạ toàn bộ điểm chuẩn',
    notComputable: 'Chưa tính được',
    notComputableTitle: 'Chưa có điểm điều tra xã hội học (ĐTXHH) của đơn vị: Chỉ số và nhóm chưa tính được.',
    conflictsChip: (n: number) => `${nf(n)} chưa thống nhất`,
    conflictsTitle: (n: number) =>
      `${nf(n)} tiêu chí thành phần các thành viên chấm khác nhau, Hội đồng chưa giải quyết: điểm đang tính chỉ là tạm.`,
  },

  /** Draft or final, above every results screen. */
  status: {
    draft: 'Tạm tính',
    draftText: 'Hội đồng chưa chốt kết quả: mọi số liệu dưới đây là tạm tính.',
    conflicts: (n: string) =>
      `${n} tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết (điểm đang tính chỉ là tạm)`,
    provisional: (n: string) => `${n} lượt tiêu chí thành phần tạm tính theo điểm tự đánh giá`,
    notComputable: (n: string) => `${n} đơn vị chưa có điểm điều tra xã hội học: Chỉ số chưa tính được`,
    final: 'Đã chốt',
    finalText: (date: string) => `Kết quả đã được Hội đồng chốt${date ? ` ngày ${date}` : ''}.`,
    hash: 'Mã kiểm tra (SHA-256) của bản chốt',
  },

  cols: {
    stt: 'STT',
    unit: 'Đơn vị',
    group: 'Khối',
    benchmark: 'Điểm chuẩn tối đa',
    selfAssessed: 'Điểm tự đánh giá',
    survey: 'Điểm ĐTXHH',
    cbccvc: 'Khảo sát CBCCVC',
    sipas: 'Chỉ số SIPAS',
    total: 'Tổng điểm đạt được',
    index: (year: number) => `Chỉ số CCHC ${year}`,
    classification: 'Xếp nhóm',
    rankInGroup: 'Hạng trong khối',
    rankOverall: 'Hạng chung',
    previous: (year: number) => `Chỉ số ${year}`,
    change: 'Tăng/giảm',
    averageRow: 'TRUNG BÌNH',
    field: 'Lĩnh vực',
    averagePercent: 'Tỷ lệ trung bình',
    averagePoints: 'Điểm trung bình',
    averageBenchmark: 'Điểm chuẩn TB',
    highest: 'Cao nhất',
    lowest: 'Thấp nhất',
    spread: 'Chênh lệch',
  },

  unit: {
    back: 'Về bảng kết quả',
    title: 'Chi tiết Chỉ số của đơn vị',
    rank: (inGroup: number, overall: number) => `Hạng ${nf(inGroup)} trong khối · hạng ${nf(overall)} toàn tỉnh`,
    previous: (year: number | null, value: string) => (year ? `Năm ${year}: ${value}` : `Năm trước: ${value}`),
    provisional: (n: number) => `${nf(n)} tiêu chí thành phần đang tạm tính theo điểm tự đánh giá (chưa thẩm định).`,
    formula: 'Chỉ số = (điểm tự đánh giá đã thẩm định + điểm ĐTXHH) / điểm chuẩn × 100',
    treeTitle: 'Điểm theo lĩnh vực, tiêu chí và tiêu chí thành phần',
    expandAll: 'Mở tất cả',
    collapseAll: 'Thu gọn',
    colCode: 'Mã',
    colTitle: 'Nội dung',
    colMax: 'Điểm chuẩn',
    colSelf1: 'TĐG lần 1',
    colSelf2: 'TĐG lần 2',
    colSelf1Long: 'Điểm tự đánh giá lần 1',
    colSelf2Long: 'Điểm tự đánh giá lần 2',
    colPoints: 'Điểm đạt',
    colPercent: 'Tỷ lệ',
    exempted: 'Hạ điểm chuẩn',
    exemptionProposed: 'Đề nghị hạ điểm chuẩn',
    sources: {
      survey: 'Điểm ĐTXHH (nhập)',
      final: 'Điểm Hội đồng thống nhất',
      appraised: 'Điểm thẩm định',
      self: 'Tạm tính theo tự đánh giá',
    } as Record<string, string>,
    appraisals: 'Ý kiến thẩm định',
    noAppraisals: 'Chưa có thành viên nào thẩm định tiêu chí này.',
    notAssigned: 'không được phân công lĩnh vực này (không tính)',
    evidence: 'Tài liệu kiểm chứng của đơn vị',
    noEvidence: 'Đơn vị không đính kèm tài liệu kiểm chứng cho tiêu chí này.',
    page: (p: number) => `trang ${p}`,
    explanation: 'Giải trình của đơn vị',
    final: (score: string) => `Hội đồng thống nhất: ${score} điểm`,
    conflict: 'Chưa thống nhất',
    conflictTitle:
      'Các thành viên chấm khác nhau, Hội đồng chưa giải quyết: điểm đang tính chỉ là tạm (của thành viên chấm sau cùng).',
    conflictSides: (sides: string) =>
      `Các thành viên chấm khác nhau (${sides}); Hội đồng chưa giải quyết, điểm đang tính chỉ là tạm.`,
    conflictsBelow: (n: number) => `${nf(n)} chưa thống nhất`,
    conflicts: (n: number) =>
      `${nf(n)} tiêu chí thành phần các thành viên chấm khác nhau, Hội đồng chưa giải quyết: Chỉ số của đơn vị chỉ là tạm tính.`,
    notComputable: 'Chưa tính được',
    notComputableText: 'Chưa có điểm điều tra xã hội học (ĐTXHH) của đơn vị: Chỉ số và nhóm chưa tính được.',
    reason: 'Lý do',
    legalBasis: 'Căn cứ',
    openEvidence: (title: string) => `Mở tài liệu “${title}”`,
    notFound: 'Không tìm thấy đơn vị trong kỳ đánh giá.',
    points: (p: string) => `${p} điểm`,
  },

  whatIf: {
    title: 'Giả định: cần gì để lên nhóm trên?',
    top: 'Đơn vị đang ở Nhóm 1, nhóm cao nhất.',
    need: (next: string, target: string, points: string) =>
      `Để đạt ${next} (Chỉ số từ ${target}) cần thêm ${points} điểm.`,
    fewest: (n: number, index: string) =>
      `Ít nhất ${nf(n)} tiêu chí thành phần (các dòng được đánh dấu) — Chỉ số dự kiến ${index}.`,
    unreachable: (index: string) =>
      `Dù đạt tối đa mọi tiêu chí còn thiếu điểm, Chỉ số cũng chỉ đạt ${index}: chưa thể lên nhóm trên.`,
    none: 'Đơn vị đã đạt tối đa mọi tiêu chí thành phần được tính.',
    pick: 'Chọn các tiêu chí để xem Chỉ số dự kiến:',
    picked: (n: number, gain: string, index: string) =>
      `Đã chọn ${nf(n)} tiêu chí: thêm ${gain} điểm → Chỉ số ${index}`,
    colGain: 'Thêm',
    colNow: 'Hiện có',
    colIfMet: 'Chỉ số nếu đạt',
    alone: 'Một mình đủ lên nhóm',
    clear: 'Bỏ chọn',
    useFewest: 'Chọn nhóm ít nhất',
    more: (n: number) => `Xem thêm ${nf(n)} tiêu chí`,
  },

  charts: {
    title: 'Biểu đồ',
    kind: 'Loại biểu đồ',
    kinds: {
      index: 'Chỉ số CCHC theo khối',
      fields: 'Tỷ lệ điểm theo lĩnh vực',
      yoy: 'So với năm trước',
    },
    group: 'Khối đơn vị',
    exportPng: 'Tải ảnh PNG',
    bounds: 'Đường đỏ: ngưỡng xếp nhóm 50%, 65%, 80%, 90%.',
    noPrevious: 'Chưa nhập kết quả năm trước: hãy nhập ở mục “Nhập dữ liệu” để so sánh.',
    value: (label: string, v: string) => `${label}: ${v}`,
    exported: (name: string) => `Đã lưu ảnh biểu đồ ${name}.`,
  },

  narrative: {
    title: 'Nhận xét kết quả',
    intro:
      'Các câu nhận xét được tạo từ kết quả và được in vào biên bản. Cơ quan thường trực có thể sửa từng câu trước khi in; câu đã sửa được giữ khi số liệu thay đổi và được đánh dấu để xem lại.',
    readOnly: 'Bạn đang xem với vai trò thành viên Hội đồng: chỉ cơ quan thường trực được sửa nhận xét.',
    edit: 'Sửa',
    save: 'Lưu câu',
    cancel: 'Hủy',
    revert: 'Khôi phục câu tự động',
    edited: 'Đã sửa',
    stale: 'Số liệu đã thay đổi sau khi sửa',
    generated: 'Câu tự động hiện nay',
    saved: 'Đã lưu câu nhận xét.',
    reverted: 'Đã khôi phục câu tự động.',
    editLabel: (key: string) => `Nội dung câu ${key}`,
    empty: 'Câu không được để trống; dùng “Khôi phục câu tự động” để bỏ phần sửa.',
    missed: (n: number) => `Các câu về tiêu chí thành phần có đơn vị không đạt (${nf(n)} câu)`,
    jump: 'Chuyển đến phần',
    count: (edited: number, stale: number) =>
      `${nf(edited)} câu đã sửa${stale ? ` · ${nf(stale)} câu cần xem lại` : ''}`,
  },

  imports: importsText,

  documents: documentsText,
};
