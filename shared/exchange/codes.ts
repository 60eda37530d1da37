/**
 * Stable codes of every exchange refusal and outcome, with their Vietnamese reasons (one
 * catalogue). A refusal message always names the file and the reason:
 *
 *   refusalMessage('m1-3.cchc-appraisal.json', 'EXCHANGE_BAD_SIGNATURE')
 *   → 'Tệp “m1-3.cchc-appraisal.json” bị từ chối: chữ ký số không khớp với nội dung (tệp đã bị sửa sau khi ký).'
 *
 * Codes are part of the interface (tests, logs, the CLI's stderr): never rename one.
 */
const EXCHANGE_REASONS = {
  // reading the file
  EXCHANGE_FILE_UNREADABLE: 'không đọc được tệp',
  EXCHANGE_TOO_LARGE: 'tệp lớn hơn giới hạn cho phép',
  EXCHANGE_TRUNCATED: 'tệp bị cắt cụt (thiếu phần cuối)',
  EXCHANGE_INVALID_JSON: 'nội dung không phải JSON hợp lệ',
  EXCHANGE_WRONG_KIND: 'đây không phải loại gói được yêu cầu',
  EXCHANGE_UNSUPPORTED_VERSION: 'gói được tạo theo định dạng mà phiên bản ứng dụng này không hỗ trợ',
  EXCHANGE_SCHEMA: 'cấu trúc gói không hợp lệ',
  // signature and signer
  EXCHANGE_KEY_MISMATCH: 'khóa công khai kèm chữ ký không khớp với dấu vân tay khóa ghi trong gói',
  EXCHANGE_BAD_SIGNATURE: 'chữ ký số không khớp với nội dung (tệp đã bị sửa sau khi ký)',
  EXCHANGE_SIGNER_NOT_ON_ROSTER: 'khóa ký không thuộc thành viên nào trong danh sách Hội đồng',
  EXCHANGE_SIGNER_MISMATCH: 'khóa ký không phải khóa của thành viên mà gói ghi tên (giả mạo người ký)',
  EXCHANGE_SIGNER_CHANGED: 'gói được ký bằng khóa khác với khóa của cơ quan thường trực đã ký các gói trước',
  // cycle, framework, scope
  EXCHANGE_WRONG_CYCLE: 'gói thuộc kỳ đánh giá khác',
  EXCHANGE_FRAMEWORK_MISMATCH: 'bộ tiêu chí trong gói khác bộ tiêu chí của kỳ đánh giá',
  EXCHANGE_CYCLE_FINALISED: 'kỳ đánh giá đã chốt kết quả',
  EXCHANGE_SCOPE_MISMATCH: 'phạm vi lĩnh vực ghi trong gói khác phạm vi được phân công',
  EXCHANGE_OUT_OF_SCOPE: 'có tiêu chí nằm ngoài các lĩnh vực được phân công cho thành viên',
  EXCHANGE_UNKNOWN_UNIT: 'có đơn vị không thuộc kỳ đánh giá',
  EXCHANGE_UNKNOWN_NODE: 'có tiêu chí không có trong bộ tiêu chí của đơn vị',
  EXCHANGE_INVALID_INPUT: 'có số liệu chấm điểm không hợp lệ',
  EXCHANGE_SCORE_MISMATCH: 'có điểm không khớp với số liệu chấm theo bộ tiêu chí',
  EXCHANGE_EXEMPTION_NOT_ALLOWED: 'có đề nghị hạ điểm chuẩn ở tiêu chí không được phép hạ điểm chuẩn',
  EXCHANGE_COI_VIOLATION: 'có điểm chấm cho đơn vị mà thành viên đã khai báo xung đột lợi ích',
  // order of packages
  EXCHANGE_SUPERSEDED: 'đã nhập một gói mới hơn của thành viên này; gói cũ được bỏ qua',
  EXCHANGE_DUPLICATE: 'gói này đã được nhập trước đây; không có gì thay đổi',
  EXCHANGE_SEQUENCE_REUSED: 'đã nhập một gói khác có cùng số thứ tự của thành viên này',
  EXCHANGE_CHAIN_BROKEN: 'gói không nối tiếp gói trước của thành viên (mã băm gói trước không khớp)',
  EXCHANGE_FILE_CHANGED: 'tệp đã thay đổi kể từ khi xem trước; hãy xem trước lại',
  // cycle packages
  EXCHANGE_MANIFEST: 'bảng kê của gói không hợp lệ',
  EXCHANGE_HASH_MISMATCH: 'nội dung một tệp trong gói không khớp với mã băm trong bảng kê',
  EXCHANGE_CYCLE_EXISTS: 'kỳ đánh giá này đã có trong cơ sở dữ liệu và không phải do nhận gói',
  EXCHANGE_ID_COLLISION: 'gói dùng mã đơn vị, thành viên hoặc tên đã thuộc một kỳ đánh giá khác trong cơ sở dữ liệu',
  EXCHANGE_TOO_DEEP: 'nội dung JSON lồng nhau quá sâu',
  EXCHANGE_EVIDENCE_TYPE: 'có tài liệu kiểm chứng không thuộc loại được nhận (pdf, ảnh, doc/docx, xls/xlsx, odt/ods)',
  EXCHANGE_EVIDENCE_MISSING: 'thiếu tệp tài liệu kiểm chứng',
} as const;

export type ExchangeCode = keyof typeof EXCHANGE_REASONS;

/** Outcomes that are reported but are not errors: nothing is written and nothing is wrong. */
const EXCHANGE_NOTICES: readonly ExchangeCode[] = ['EXCHANGE_DUPLICATE', 'EXCHANGE_SUPERSEDED'];

export function isExchangeCode(code: string): code is ExchangeCode {
  return Object.hasOwn(EXCHANGE_REASONS, code);
}

/** “Tệp “x” bị từ chối: <reason>[: <detail>].” */
export function refusalMessage(file: string, code: ExchangeCode, detail?: string): string {
  const reason = EXCHANGE_REASONS[code];
  const tail = detail ? `${reason}: ${detail}` : reason;
  if (EXCHANGE_NOTICES.includes(code)) return `Tệp “${file}”: ${tail}.`;
  return `Tệp “${file}” bị từ chối: ${tail}.`;
}

/** Other exchange errors (not about a file): actions of the secretariat and members. */
export const EXCHANGE_ACTION_ERRORS = {
  EXCHANGE_REASON_REQUIRED: 'Phải ghi lý do.',
  EXCHANGE_NO_CONFLICT: 'Tiêu chí này không có ý kiến khác nhau giữa các thành viên.',
  EXCHANGE_NOT_COMPLETE: 'Chưa thể chốt kết quả: việc thẩm định chưa đầy đủ.',
  EXCHANGE_NOT_FINALISED: 'Kỳ đánh giá chưa chốt kết quả.',
  EXCHANGE_ALREADY_FINALISED: 'Kỳ đánh giá đã chốt kết quả.',
  EXCHANGE_KEY_NOT_REGISTERED: 'Khóa của thành viên chưa được đăng ký trong danh sách Hội đồng.',
  EXCHANGE_NOT_ON_ROSTER: 'Khóa của máy này không thuộc thành viên nào trong danh sách Hội đồng của kỳ đánh giá.',
  EXCHANGE_IDENTITY_MISSING: 'Máy này chưa có khóa định danh; hãy tạo khóa trước.',
  EXCHANGE_IDENTITY_EXISTS: 'Máy này đã có khóa định danh; không ghi đè.',
  EXCHANGE_IDENTITY_LOCKED: 'Không mở được khóa định danh (sai mật khẩu hoặc tệp khóa bị hỏng).',
  EXCHANGE_PASSPHRASE_WEAK: 'Mật khẩu bảo vệ khóa phải có ít nhất 8 ký tự.',
  EXCHANGE_EXEMPTION_NOT_FOUND: 'Không có đề nghị hạ điểm chuẩn ở tiêu chí này.',
  EXCHANGE_BASIS_REQUIRED:
    'Đề nghị hạ điểm chuẩn chưa có căn cứ (đơn vị đề xuất trong hồ sơ tự đánh giá): phải ghi căn cứ khi phê duyệt.',
  EXCHANGE_NOT_A_CANDIDATE: 'Thành viên được chọn không có điểm ở tiêu chí đang có ý kiến khác nhau.',
  EXCHANGE_COI_EXISTS: 'Thành viên đã khai báo xung đột lợi ích với đơn vị này.',
  EXCHANGE_COI_NOT_FOUND: 'Thành viên chưa khai báo xung đột lợi ích với đơn vị này.',
} as const;
