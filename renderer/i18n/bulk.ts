/** Strings of the bulk appraisal actions: agree with the rest, paste, the "còn lại" filter. */
import { formatNumber } from '../../shared/format/vi.ts';

const n = (v: number) => formatNumber(v, 0);

export const bulk = {
  agreeRest: 'Đồng ý với điểm tự chấm cho phần còn lại',
  agreeRestField: (field: string) => `Đồng ý với điểm tự chấm: phần còn lại của lĩnh vực ${field}`,
  agreeRestUnit: 'Đồng ý với điểm tự chấm: phần còn lại của đơn vị',
  agreeRestHint:
    'Mọi tiêu chí thành phần bạn chưa chấm lấy điểm (số liệu, mức) tự chấm của đơn vị. Một lần Ctrl+Z hoàn tác cả lượt.',
  counting: 'Đang đếm…',
  confirmField: (count: number, field: string, unit: string) =>
    `Lấy điểm tự chấm của ${unit} cho ${n(count)} tiêu chí thành phần chưa chấm của lĩnh vực ${field}?`,
  confirmUnit: (count: number, unit: string) =>
    `Lấy điểm tự chấm của ${unit} cho ${n(count)} tiêu chí thành phần chưa chấm ở các lĩnh vực được phân công?`,
  confirmAction: (count: number) => `Đồng ý (${n(count)})`,
  nothingLeft: 'Không còn tiêu chí thành phần nào chưa chấm có điểm tự chấm để đồng ý.',
  cancel: 'Hủy',
  done: (count: number) => `Đã lấy điểm tự chấm cho ${n(count)} tiêu chí thành phần. Ctrl+Z để hoàn tác.`,
  undone: (count: number) => `Đã hoàn tác ${n(count)} ô của thao tác hàng loạt.`,
  skipped: (count: number) => `${n(count)} tiêu chí thành phần không lấy được điểm tự chấm:`,
  left: 'Còn lại',
  leftHint: 'Chỉ hiện các tiêu chí thành phần bạn còn phải chấm',
  leftCount: (count: number) => `còn ${n(count)}`,
  exemptable: 'Được hạ ĐC',
  exemptableHint: 'Bộ tiêu chí cho phép hạ điểm chuẩn ở tiêu chí này',
  pasted: (count: number) => `Đã dán ${n(count)} ô. Ctrl+Z để hoàn tác.`,
  pasteNothing: 'Không có ô nào thay đổi.',
  pasteRefused: (count: number) => `${n(count)} ô không dán được (không ghi gì cho các ô này):`,
  pasteNoCell: 'Chọn một ô của bảng trước khi dán.',
  pasteOutside: 'Nằm ngoài bảng.',
  pasteUnreadable: (text: string) => `Không đọc được “${text}”.`,
  pasteNoTier: (text: string) => `Không có mức nào bằng ${text} điểm.`,
  pasteNeedsFigures: 'Tiêu chí tính theo số liệu: dán “a/b” (ví dụ 12/15), không dán điểm.',
  pasteDossierOnly: 'Tiêu chí này chỉ chấm trong hồ sơ đơn vị.',
  refusedCell: (unit: string, code: string, message: string) => `${unit} · ${code}: ${message}`,
  close: 'Đóng',
  equalsHint: '=: đồng ý với điểm tự chấm',
};
