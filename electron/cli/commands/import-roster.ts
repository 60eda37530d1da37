/** `import-roster`: the council's roster from a .xlsx/.csv list (name, position, agency, role, fields). */
import { importRoster } from '../../core/setup/roster-import.ts';
import { listImportCommand } from './setup-import.ts';
import { SETUP_CYCLE_HELP } from '../support.ts';

const USAGE = `Cách dùng:
  cchc import-roster --db TỆP [--cycle MÃ] TỆP.xlsx|TỆP.csv [--dry-run] [--actor MÃ]
${SETUP_CYCLE_HELP}

Nhập danh sách Hội đồng thẩm định. Cột: Họ và tên / name (bắt buộc), Chức vụ / position,
Cơ quan / agency, Vai trò / role (bắt buộc: Chủ tịch, Phó Chủ tịch, Thành viên, Thư ký hoặc
chair, vice-chair, member, secretary; Thường trực / secretariat cho cơ quan thường trực),
Lĩnh vực / fields (mã lĩnh vực, cách nhau bởi dấu phẩy, chấm phẩy hoặc khoảng trắng;
  "commune:3": lĩnh vực 3 chỉ ở nhóm commune).
Thành viên trùng tên được cập nhật. Khi bị từ chối (nêu tệp, dòng, cột) không có gì được ghi.
--dry-run chỉ in bản xem trước (JSON), không ghi.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

export default listImportCommand('import-roster', USAGE, (db, cycleId, file, o) => importRoster(db, cycleId, file, o));
