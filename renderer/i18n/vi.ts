/**
 * Every user-visible string of the renderer, in Vietnamese. Components never hold text:
 * they read it from here (an English catalogue can follow the same shape).
 */
import { describeAssignments } from '../../shared/council/assignment.ts';
import { groupShort } from '../app/groups.ts';
import type { MemberRole } from '../../shared/contract/index.ts';
import { SCORING_KIND_LABELS } from '../../shared/framework/types.ts';
import { CLASSIFICATION_LABELS } from '../../shared/results/classification.ts';
import { formatNumber } from '../../shared/format/vi.ts';

/** Counts in vi-VN (1.889, not 1889). */
const nf = (v: number): string => formatNumber(v, 0);
import { bulk } from './bulk.ts';
import { start } from './start.ts';

import { dossierText } from './dossier.ts';

export const vi = {
  appName: 'Thẩm định Chỉ số CCHC',
  appTagline: 'Hội đồng thẩm định Chỉ số cải cách hành chính',
  loading: 'Đang tải…',
  retry: 'Thử lại',
  dash: '—',

  nav: {
    label: 'Điều hướng chính',
    skipToContent: 'Chuyển đến nội dung chính',
    home: 'Trang chủ',
    dossiers: 'Hồ sơ đơn vị',
    scoring: 'Bảng chấm điểm',
    profile: 'Thông tin thành viên',
    shortcuts: 'Phím tắt',
  },

  save: {
    saving: 'Đang lưu…',
    saved: 'Đã lưu',
    failed: 'Chưa lưu được',
  },

  roles: {
    member: 'Thành viên Hội đồng',
    secretariat: 'Cơ quan thường trực',
  } satisfies Record<MemberRole, string>,

  roleHints: {
    member: 'Thẩm định hồ sơ các lĩnh vực được phân công.',
    secretariat: 'Tổng hợp kết quả, tính và xếp hạng Chỉ số.',
  } satisfies Record<MemberRole, string>,

  classification: {
    short: (g: number) => `Nhóm ${g}`,
    long: CLASSIFICATION_LABELS as Readonly<Record<number, string>>,
  },

  kinds: SCORING_KIND_LABELS,

  identity: {
    firstRunTitle: 'Chào mừng đến với Thẩm định Chỉ số CCHC',
    firstRunIntro:
      'Trước khi bắt đầu, vui lòng cho biết thông tin của bạn. Thông tin này được ghi vào kết quả thẩm định mà bạn gửi cho cơ quan thường trực.',
    profileTitle: 'Thông tin thành viên',
    profileIntro: 'Thông tin này được ghi vào kết quả thẩm định mà bạn gửi đi.',
    name: 'Họ và tên',
    namePlaceholder: 'Ví dụ: Nguyễn Văn An',
    position: 'Chức vụ',
    positionPlaceholder: 'Ví dụ: Phó Giám đốc',
    agency: 'Cơ quan',
    agencyPlaceholder: 'Ví dụ: Sở Tư pháp tỉnh Sóc Trăng',
    role: 'Vai trò',
    required: 'bắt buộc',
    submitFirstRun: 'Lưu và bắt đầu',
    submitProfile: 'Lưu thay đổi',
    saving: 'Đang lưu…',
    savedToast: 'Đã lưu thông tin thành viên.',
    errorsSummary: 'Vui lòng kiểm tra lại các trường được đánh dấu.',
    errors: {
      nameRequired: 'Vui lòng nhập họ và tên.',
      positionRequired: 'Vui lòng nhập chức vụ.',
      agencyRequired: 'Vui lòng nhập tên cơ quan.',
      roleRequired: 'Vui lòng chọn vai trò.',
      tooLong: (max: number) => `Tối đa ${max} ký tự.`,
      invalid: 'Giá trị không hợp lệ.',
    },
    roster: {
      label: 'Tôi là',
      hint: (cycle: string) =>
        `Chọn tên của bạn trong danh sách Hội đồng thẩm định kỳ “${cycle}”: họ tên, chức vụ, cơ quan và các lĩnh vực được phân công sẽ tự điền.`,
      free: 'Không có tên tôi trong danh sách — tự nhập',
      noFields: 'chưa phân công lĩnh vực',
      fields: (entries: readonly string[]) => `lĩnh vực ${describeAssignments(entries, groupShort)}`,
      chosen: (name: string) => `Bạn thẩm định với tư cách thành viên “${name}” của danh sách Hội đồng.`,
      freeNote:
        'Nếu thông tin tự nhập không trùng với một thành viên trong danh sách Hội đồng, bạn chỉ được xem hồ sơ, không được chấm điểm.',
      unavailable: 'Chưa có danh sách Hội đồng của kỳ đánh giá; hãy tự nhập thông tin.',
    },
    link: {
      title: 'Liên kết với danh sách Hội đồng',
      linked: (name: string, fields: string) => `Đang liên kết với thành viên “${name}” (${fields}).`,
      secretariat: (name: string) => `Đang liên kết với “${name}” của cơ quan thường trực.`,
      unlinked: 'Chưa liên kết với thành viên nào trong danh sách Hội đồng: bạn chỉ được xem hồ sơ.',
    },
  },

  home: {
    greeting: (name: string) => `Xin chào, ${name}`,
    cycle: (name: string) => `Kỳ đánh giá ${name}`,
    cycleOpen: 'Đang thẩm định',
    cycleFinalised: 'Đã chốt kết quả',
    myFields: 'Lĩnh vực được phân công',
    noFields: 'Bạn không được phân công lĩnh vực nào: xem toàn bộ hồ sơ, không chấm điểm.',
    readOnly: 'Bạn chưa được liên kết với thành viên nào của Hội đồng trong kỳ đánh giá này nên chỉ được xem hồ sơ.',
    readOnlyAction: 'Chọn tên trong danh sách Hội đồng',
    progressTitle: 'Tiến độ thẩm định',
    progressItems: (done: number, total: number) => `${nf(done)}/${nf(total)} tiêu chí thành phần`,
    progressUnits: (done: number, total: number) => `${nf(done)}/${nf(total)} đơn vị đã xong`,
    gridLinks: 'Bảng chấm điểm theo lĩnh vực',
    gridLink: (field: string, group: string) => `Lĩnh vực ${field} · ${group}`,
    unitsTitle: 'Các cơ quan, đơn vị',
    search: 'Tìm đơn vị',
    searchPlaceholder: 'Gõ tên đơn vị, ví dụ: Tư pháp',
    groupFilter: 'Nhóm đơn vị',
    allGroups: 'Tất cả nhóm',
    statusFilter: 'Trạng thái',
    statuses: {
      all: 'Tất cả',
      todo: 'Chưa thẩm định xong',
      done: 'Đã thẩm định xong',
      noEvidence: 'Có tiêu chí thiếu tài liệu',
      exempted: 'Có hạ điểm chuẩn',
    },
    shown: (n: number, total: number) => (n === total ? `${nf(total)} đơn vị` : `${nf(n)}/${nf(total)} đơn vị`),
    empty: 'Không có đơn vị nào khớp với điều kiện lọc.',
    clearFilters: 'Xóa bộ lọc',
    listed: (n: number, total: number) => `Đang hiện ${nf(n)}/${nf(total)} đơn vị; tìm kiếm và lọc áp dụng cho tất cả.`,
    showMore: (n: number) => `Hiện thêm ${nf(n)} đơn vị`,
    showAll: (n: number) => `Hiện tất cả (${nf(n)})`,
    columns: {
      no: 'STT',
      unit: 'Đơn vị',
      progress: 'Đã thẩm định',
      exemptions: 'Hạ điểm chuẩn',
      withoutEvidence: 'Thiếu tài liệu',
      index: 'Chỉ số CCHC',
      classification: 'Xếp nhóm',
    },
    indexNote: 'Chỉ số tạm tính: tiêu chí chưa thẩm định lấy điểm tự đánh giá.',
    notApplicable: 'Lĩnh vực được phân công không áp dụng cho đơn vị này.',
    open: (unit: string) => `Mở hồ sơ ${unit}`,
    version: 'Phiên bản',
    dataDir: 'Thư mục dữ liệu',
    transport: 'Môi trường chạy',
    transports: { electron: 'Ứng dụng máy tính', http: 'Trình duyệt (máy chủ thử nghiệm)' },
    appCard: 'Thông tin ứng dụng',
  },

  dossier: dossierText,

  bulk,
  start,

  grid: {
    title: 'Bảng chấm điểm',
    subtitle: (field: string, group: string) => `Lĩnh vực ${field} · ${group}`,
    group: 'Nhóm đơn vị',
    field: 'Lĩnh vực',
    filters: 'Lọc',
    filterNotAppraised: 'Chưa thẩm định',
    filterLeft: 'Còn lại',
    filterDiffers: 'Khác điểm tự chấm',
    filterNoEvidence: 'Không có tài liệu',
    shownCells: (n: number) => `${nf(n)} ô khớp`,
    legendSelf: 'Tự chấm',
    selfShort: 'TĐG',
    legendMine: 'Thẩm định',
    legendDiffers: 'Khác tự chấm',
    legendExempt: 'Hạ điểm chuẩn',
    legendNoEvidence: 'Không có tài liệu',
    legendReadOnly: 'Chỉ xem',
    colCode: 'Mã',
    colTitle: 'Tiêu chí thành phần',
    colMax: 'Tối đa',
    exempt: 'Hạ ĐC',
    noFields: 'Không có lĩnh vực nào để hiển thị.',
    noField: (field: string, group: string) => `Nhóm “${group}” không có lĩnh vực ${field}.`,
    noRows: 'Không có ô nào khớp với bộ lọc.',
    help: 'Mũi tên: di chuyển · Cách: đạt/không đạt · 1–9: chọn mức · =: đồng ý với điểm tự chấm · Enter: nhập số liệu (a/b) · Delete: bỏ chấm · Ctrl+V: dán một khối điểm từ Excel/LibreOffice · Ctrl+Z: hoàn tác',
    editHint: {
      figures: 'Nhập “a/b”, ví dụ 12/15',
      count: 'Nhập số lượng',
      violations: 'Nhập số vi phạm',
      dossierOnly: 'Chấm trong hồ sơ đơn vị',
    },
    openDossier: 'Mở hồ sơ',
    cellLabel: (unit: string, code: string) => `${unit}, tiêu chí ${code}`,
  },

  keys: {
    title: 'Phím tắt',
    close: 'Đóng',
    rows: [
      ['↑ ↓', 'Chọn tiêu chí trước / sau'],
      ['Home / End', 'Tiêu chí đầu / cuối'],
      ['Cách (Space)', 'Đạt / không đạt'],
      ['1 – 9', 'Chọn mức (đúng hạn, trễ hạn…); với Đạt/Không đạt: 1 = Đạt, 0 = Không đạt'],
      ['Enter', 'Nhập số liệu của tiêu chí'],
      ['=', 'Đồng ý với điểm tự chấm'],
      ['Delete', 'Bỏ chấm'],
      ['N', 'Viết nhận xét'],
      ['T', 'Thêm dẫn chiếu tài liệu'],
      ['H', 'Hạ điểm chuẩn'],
      ['Esc', 'Trở lại danh sách tiêu chí'],
      ['Ctrl + Z', 'Hoàn tác thay đổi vừa lưu'],
      ['?', 'Mở bảng phím tắt này'],
    ] as readonly (readonly [string, string])[],
  },

  errors: {
    title: 'Có lỗi xảy ra',
    code: 'Mã lỗi',
    dismiss: 'Đóng thông báo',
    startFailed: 'Không khởi động được ứng dụng',
    loadFailed: 'Không tải được dữ liệu',
  },

  toasts: {
    label: 'Thông báo',
  },
} as const;
