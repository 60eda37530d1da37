/**
 * The CLI's commands: name → one-line Vietnamese description and a lazy loader of the
 * module whose default export is a CliCommand (see ../command.ts). Modules load only
 * when their command runs, so a command's dependencies (exceljs, SQLite…) cost nothing
 * to the others.
 *
 * To add a command: create commands/<name>.ts with `export default { usage, run } satisfies CliCommand`
 * and add ONE line below.
 */
import type { CommandEntry } from '../command.ts';

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  'init-demo': {
    summary: 'Tạo cơ sở dữ liệu với kỳ đánh giá mẫu Sóc Trăng 2023',
    load: () => import('./init-demo.ts'),
  },
  framework: { summary: 'Xuất, nhập bộ tiêu chí (.xlsx, .json)', load: () => import('./framework.ts') },
  results: { summary: 'Tính, xếp nhóm, xếp hạng Chỉ số CCHC từ bảng tổng hợp', load: () => import('./results.ts') },
  minutes: { summary: 'In biên bản họp Hội đồng thẩm định (PDF, A4)', load: () => import('./minutes.ts') },
  sheets: {
    summary: 'In phiếu thẩm định, thông báo kết quả sơ bộ, phiếu phản hồi của đơn vị (PDF)',
    load: () => import('./sheets.ts'),
  },
  'export-xlsx': {
    summary: 'Xuất các bảng kết quả ra Excel (.xlsx; thêm .csv, .json)',
    load: () => import('./export-xlsx.ts'),
  },
  'import-survey': {
    summary: 'Nhập điểm ĐTXHH: điểm theo đơn vị hoặc phiếu khảo sát',
    load: () => import('./import-survey.ts'),
  },
  'import-previous': {
    summary: 'Nhập kết quả Chỉ số CCHC năm trước (bảng tổng hợp)',
    load: () => import('./import-previous.ts'),
  },
  keygen: { summary: 'Tạo khóa định danh của máy; đăng ký khóa của thành viên', load: () => import('./keygen.ts') },
  'export-appraisal': {
    summary: 'Xuất gói kết quả thẩm định có ký số của thành viên',
    load: () => import('./export-appraisal.ts'),
  },
  verify: { summary: 'Kiểm tra một gói (chữ ký số, cấu trúc, phạm vi)', load: () => import('./verify.ts') },
  import: { summary: 'Nhập các gói kết quả thẩm định của thành viên', load: () => import('./import.ts') },
  'merge-status': {
    summary: 'Tình trạng tổng hợp: ma trận đầy đủ, ý kiến khác nhau',
    load: () => import('./merge-status.ts'),
  },
  'export-cycle': { summary: 'Xuất gói kỳ đánh giá có ký số cho thành viên', load: () => import('./export-cycle.ts') },
  'import-cycle': { summary: 'Nhận gói kỳ đánh giá của cơ quan thường trực', load: () => import('./import-cycle.ts') },
  'audit-verify': {
    summary: 'Kiểm tra nhật ký (chuỗi mã băm, gói đã nhập); xuất nhật ký',
    load: () => import('./audit-verify.ts'),
  },
  'dossier-template': {
    summary: 'Tạo phiếu tự đánh giá (.xlsx) của một nhóm đơn vị theo bộ tiêu chí của kỳ',
    load: () => import('./dossier-template.ts'),
  },
  'import-dossier': {
    summary: 'Nhập phiếu tự đánh giá (lần 1, lần 2) của đơn vị cùng tài liệu kiểm chứng',
    load: () => import('./import-dossier.ts'),
  },
  'import-collected': {
    summary: 'Nhập bảng tổng hợp điểm tự đánh giá (mỗi đơn vị một cột)',
    load: () => import('./import-collected.ts'),
  },
  'cycle-create': {
    summary: 'Tạo kỳ đánh giá mới: nhóm đơn vị, bộ tiêu chí, căn cứ pháp lý',
    load: () => import('./cycle-create.ts'),
  },
  cycles: { summary: 'Liệt kê các kỳ đánh giá (JSON)', load: () => import('./cycles.ts') },
  'import-units': {
    summary: 'Nhập danh sách cơ quan, đơn vị của kỳ (.xlsx, .csv)',
    load: () => import('./import-units.ts'),
  },
  'import-roster': {
    summary: 'Nhập danh sách Hội đồng thẩm định (.xlsx, .csv)',
    load: () => import('./import-roster.ts'),
  },
  finalise: { summary: 'Chốt kết quả kỳ đánh giá (hoặc mở lại, có lý do)', load: () => import('./finalise.ts') },
};
