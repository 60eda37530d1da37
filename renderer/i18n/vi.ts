/**
 * Every user-visible string of the renderer, in Vietnamese. Components never hold text:
 * they read it from here (an English catalogue can follow the same shape).
 */
import type { MemberRole } from '../../shared/contract/index.ts';

export const vi = {
  appName: 'Thẩm định Chỉ số CCHC',
  appTagline: 'Hội đồng thẩm định Chỉ số cải cách hành chính',
  loading: 'Đang tải…',
  retry: 'Thử lại',

  nav: {
    label: 'Điều hướng chính',
    skipToContent: 'Chuyển đến nội dung chính',
    home: 'Trang chủ',
    dossiers: 'Hồ sơ đơn vị',
    scoring: 'Bảng chấm điểm',
    profile: 'Thông tin thành viên',
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
  },

  home: {
    greeting: (name: string) => `Xin chào, ${name}`,
    intro: 'Thông tin của thành viên và của ứng dụng trên máy này.',
    memberCard: 'Thông tin thành viên',
    editIdentity: 'Sửa thông tin',
    appCard: 'Thông tin ứng dụng',
    version: 'Phiên bản',
    dataDir: 'Thư mục dữ liệu',
    transport: 'Môi trường chạy',
    transports: { electron: 'Ứng dụng máy tính', http: 'Trình duyệt (máy chủ thử nghiệm)' },
  },

  errors: {
    title: 'Có lỗi xảy ra',
    code: 'Mã lỗi',
    dismiss: 'Đóng thông báo',
    startFailed: 'Không khởi động được ứng dụng',
  },

  toasts: {
    label: 'Thông báo',
  },
} as const;
