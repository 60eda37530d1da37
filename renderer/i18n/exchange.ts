/**
 * The strings of the exchange screens: the identity key, "Trao đổi dữ liệu" of a
 * council member, and the secretariat's screens (Hội đồng, nhập kết quả, ý kiến khác nhau,
 * hạ điểm chuẩn, mức độ hoàn thành, chốt kết quả, nhật ký: exchange-council.ts and
 * exchange-finalise.ts). Vietnamese only; components hold no text of their own.
 */
import { formatNumber } from '../../shared/format/vi.ts';
import { councilText } from './exchange-council.ts';
import { finaliseText } from './exchange-finalise.ts';

const n = (v: number) => formatNumber(v, 0);

export const exchangeText = {
  nav: {
    /** Short in the top bar (the screen's title is "Trao đổi dữ liệu"). */
    exchange: 'Trao đổi',
    secretariat: 'Tổng hợp',
    subLabel: 'Các bước tổng hợp của cơ quan thường trực',
  },

  common: {
    cancel: 'Hủy',
    close: 'Đóng',
    reason: 'Lý do',
    reasonRequired: 'Lý do (bắt buộc)',
    reasonOptional: 'Ghi chú (không bắt buộc)',
    reasonHint: 'Ghi rõ căn cứ để lưu vào nhật ký và biên bản.',
    reasonMissing: 'Phải ghi lý do.',
    code: 'Mã lỗi',
    none: 'Không có',
    saveAgain: 'Lưu lại tệp',
    fileSaved: (name: string) => `Đã lưu tệp “${name}”.`,
    fileDownload: (name: string) => `Đã tải xuống tệp “${name}”.`,
    fileCancelled: 'Đã đóng hộp thoại lưu; tệp chưa được lưu.',
    members: (k: number) => `${n(k)} thành viên`,
    units: (k: number) => `${n(k)} đơn vị`,
    items: (k: number) => `${n(k)} mục`,
    field: (code: string) => `Lĩnh vực ${code}`,
    hash: 'Mã băm',
    by: 'Người thực hiện',
    at: 'Thời điểm',
    cycleOpen: 'Đang thẩm định',
    cycleFinalised: 'Đã chốt kết quả',
  },

  files: {
    drop: 'Kéo thả tệp vào đây, hoặc',
    dropMany: 'Kéo thả một hoặc nhiều tệp vào đây, hoặc',
    choose: 'Chọn tệp…',
    chooseMany: 'Chọn các tệp…',
    uploading: 'Đang đọc tệp…',
    limit: (max: string) => `Tối đa ${max} mỗi tệp.`,
  },

  fingerprint: {
    label: 'Dấu vân tay khóa',
    aria: (display: string) => `Dấu vân tay: ${display.split(' ').join(', ')}`,
    readAloud: 'Đọc to từng nhóm 4 ký tự để hai bên đối chiếu.',
  },

  key: {
    title: 'Khóa định danh của máy này',
    intro:
      'Mỗi máy có một cặp khóa riêng để ký các gói dữ liệu gửi đi. Khóa bí mật chỉ nằm trên máy này; cơ quan thường trực nhận khóa công khai và đối chiếu dấu vân tay với bạn.',
    missing: 'Máy này chưa có khóa định danh.',
    create: 'Tạo khóa định danh',
    creating: 'Đang tạo khóa…',
    passphrase: 'Mật khẩu bảo vệ khóa',
    passphraseConfirm: 'Nhập lại mật khẩu',
    passphraseHint: (min: number) =>
      `Ít nhất ${min} ký tự. Mật khẩu không lưu ở đâu cả: nếu quên, phải tạo khóa mới và đăng ký lại với cơ quan thường trực.`,
    passphraseShort: (min: number) => `Mật khẩu phải có ít nhất ${min} ký tự.`,
    passphraseMismatch: 'Hai lần nhập mật khẩu không khớp.',
    keychain: 'Khóa được bảo vệ bằng kho khóa an toàn của hệ điều hành.',
    locked: 'Khóa đang khóa: nhập mật khẩu để ký và gửi gói dữ liệu.',
    unlock: 'Mở khóa',
    unlocked: 'Khóa đã mở, sẵn sàng ký.',
    lock: 'Khóa lại',
    createdAt: 'Ngày tạo',
    protection: 'Bảo vệ',
    protections: { passphrase: 'Mật khẩu', 'electron-safe-storage': 'Kho khóa của hệ điều hành' } as Record<
      string,
      string
    >,
    registeredAs: (name: string) => `Đã được cơ quan thường trực đăng ký trong danh sách Hội đồng cho: ${name}.`,
    notRegistered: 'Chưa có trong danh sách Hội đồng của kỳ đánh giá đang mở.',
    exportPublic: 'Tải tệp khóa công khai',
    exportHint:
      'Gửi tệp này cho cơ quan thường trực (thư điện tử, USB…) rồi đọc dấu vân tay cho họ đối chiếu qua điện thoại.',
    created: 'Đã tạo khóa định danh.',
  },

  exchange: {
    title: 'Trao đổi dữ liệu',
    lead: 'Nhận gói kỳ đánh giá từ cơ quan thường trực, gửi lại kết quả thẩm định đã ký và khai báo xung đột lợi ích.',
    noCycle: 'Máy này chưa có kỳ đánh giá: hãy nhận gói kỳ đánh giá do cơ quan thường trực gửi.',
    sendAfterCycle: 'Sau khi nhận gói kỳ đánh giá và thẩm định hồ sơ, bạn xuất gói kết quả ở đây.',
    cycle: (name: string, status: string) => `Kỳ đánh giá: ${name} · ${status}`,
    me: (name: string) => `Bạn là: ${name}`,
    notMember:
      'Máy này chưa được xác định là thành viên Hội đồng của kỳ đánh giá (cần khóa đã đăng ký và gói kỳ đánh giá mới nhất).',

    receive: {
      title: 'Nhận gói kỳ đánh giá',
      intro:
        'Gói kỳ đánh giá (tệp .cchc-cycle.tar) chứa bộ tiêu chí, hồ sơ tự đánh giá, tài liệu kiểm chứng và danh sách Hội đồng, có chữ ký của cơ quan thường trực.',
      last: (rev: number, date: string) => `Đã nhận lần ${n(rev)} ngày ${date}.`,
      checking: 'Đang kiểm tra chữ ký và nội dung gói…',
      previewTitle: (name: string, rev: number) => `${name} — lần ${n(rev)}`,
      issuedAt: 'Phát hành',
      contents: 'Nội dung',
      contentsText: (units: number, members: number, files: number) =>
        `${n(units)} đơn vị · ${n(members)} người trong danh sách Hội đồng · ${n(files)} tài liệu kiểm chứng`,
      size: 'Dung lượng',
      signer: 'Dấu vân tay của cơ quan thường trực',
      signerHint: 'Đề nghị cơ quan thường trực đọc dấu vân tay của họ qua điện thoại và đối chiếu với dãy trên.',
      sameSigner: 'Cùng khóa với các gói đã nhận trước: ứng dụng đã tự kiểm tra.',
      youAre: (name: string, fields: string) => `Trong gói, khóa của máy này thuộc về: ${name} (${fields}).`,
      notYou:
        'Khóa của máy này chưa có trong danh sách Hội đồng của gói: bạn sẽ chỉ xem được hồ sơ. Hãy gửi tệp khóa công khai cho cơ quan thường trực.',
      states: {
        new: 'Gói mới',
        update: 'Bản cập nhật',
        duplicate: 'Đã nhận gói này',
        superseded: 'Cũ hơn gói đã nhận',
      } as Record<string, string>,
      confirm: 'Tôi đã đối chiếu: dấu vân tay khớp với dấu vân tay cơ quan thường trực đọc cho tôi.',
      readAloud:
        'Lần nhận đầu tiên: đọc to từng nhóm của dãy trên với cơ quan thường trực, rồi nhập dấu vân tay họ đọc cho bạn (hoặc mở tệp khóa công khai của họ) để ứng dụng đối chiếu.',
      typeLabel: 'Dấu vân tay cơ quan thường trực đọc cho bạn',
      typePlaceholder: 'XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX',
      keyFileLabel: 'Hoặc mở tệp khóa công khai của cơ quan thường trực (identity.pub.json)',
      keyFileBad: 'Tệp này không phải tệp khóa công khai.',
      typedShort: 'Cần đủ 32 ký tự (8 nhóm) của dấu vân tay.',
      typedMatch: 'Khớp: gói được ký bằng khóa của cơ quan thường trực.',
      typedMismatch:
        'KHÔNG khớp: gói không được ký bằng khóa cơ quan thường trực đã cho bạn. Không nhận gói này; hãy báo cơ quan thường trực.',
      import: 'Nhận gói',
      importing: 'Đang nhận gói…',
      linked: (name: string) => `Máy này được liên kết với thành viên ${name}.`,
    },

    send: {
      title: 'Gửi kết quả thẩm định',
      intro:
        'Gói kết quả thẩm định chứa toàn bộ điểm, nhận xét, dẫn chiếu tài liệu, đề nghị hạ điểm chuẩn và khai báo xung đột lợi ích của bạn, có chữ ký của máy này. Mỗi lần xuất là một gói mới, đánh số tiếp theo.',
      items: (k: number) => `Sẽ gửi ${n(k)} tiêu chí đã thẩm định hoặc đề nghị hạ điểm chuẩn.`,
      export: 'Xuất gói kết quả thẩm định',
      exporting: 'Đang ký và tạo gói…',
      done: (seq: number, items: number) => `Đã tạo gói số ${n(seq)} (${n(items)} tiêu chí).`,
      skipped: (k: number) => `${n(k)} mục không được đưa vào gói:`,
      history: 'Các gói đã xuất',
      seq: 'Gói số',
      createdAt: 'Ngày tạo',
      count: 'Số tiêu chí',
      rosterKey: {
        ok: '',
        missing:
          'Khóa của máy này chưa được đăng ký trong danh sách Hội đồng: cơ quan thường trực sẽ từ chối gói. Hãy gửi tệp khóa công khai rồi nhận lại gói kỳ đánh giá.',
        other:
          'Danh sách Hội đồng ghi một khóa khác cho bạn: cơ quan thường trực sẽ từ chối gói ký bằng khóa của máy này.',
        'no-member': 'Máy này chưa được xác định là thành viên Hội đồng: chưa có kết quả thẩm định để gửi.',
      } as Record<string, string>,
    },

    coi: {
      title: 'Xung đột lợi ích',
      intro:
        'Khai báo khi bạn có quan hệ với đơn vị được đánh giá (ví dụ: lãnh đạo của chính đơn vị). Hồ sơ của đơn vị đó chuyển sang chỉ xem, điểm bạn đã chấm cho đơn vị được rút lại và khai báo được ghi vào biên bản.',
      none: 'Bạn chưa khai báo xung đột lợi ích nào.',
      unit: 'Đơn vị',
      chooseUnit: '— Chọn đơn vị —',
      reason: 'Lý do khai báo',
      declare: 'Khai báo xung đột lợi ích',
      declared: (unit: string) => `Đã khai báo xung đột lợi ích với ${unit}.`,
      declaredAt: 'Ngày khai báo',
      withdraw: 'Rút khai báo',
      withdrawReason: 'Lý do rút khai báo',
      withdrawConfirm: 'Xác nhận rút',
      withdrawn: (unit: string) => `Đã rút khai báo xung đột lợi ích với ${unit}.`,
    },
  },

  gate: {
    title: 'Mở khóa định danh của cơ quan thường trực',
    lead: 'Các bước tổng hợp (nhập kết quả, xử lý ý kiến, chốt kết quả, kiểm tra nhật ký) chỉ làm được khi khóa định danh của cơ quan thường trực đã mở trên máy này: khóa ký đầu chuỗi nhật ký ở mỗi thay đổi. Tạo khóa (lần đầu) hoặc nhập mật khẩu bảo vệ khóa.',
  },
  sub: {
    roster: 'Hội đồng và khóa',
    import: 'Nhập kết quả',
    conflicts: 'Ý kiến khác nhau',
    exemptions: 'Hạ điểm chuẩn',
    completeness: 'Mức độ hoàn thành',
    finalise: 'Chốt kết quả',
    audit: 'Nhật ký',
  },
  ...councilText,
  ...finaliseText,
} as const;
