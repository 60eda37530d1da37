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
  'init-demo': { summary: 'Tạo cơ sở dữ liệu với kỳ đánh giá mẫu Sóc Trăng 2023', load: () => import('./init-demo.ts') },
  framework: { summary: 'Xuất, nhập bộ tiêu chí (.xlsx, .json)', load: () => import('./framework.ts') },
  results: { summary: 'Tính, xếp nhóm, xếp hạng Chỉ số CCHC từ bảng tổng hợp', load: () => import('./results.ts') },
};
