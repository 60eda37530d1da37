/** `import-units`: the cycle's units from a .xlsx/.csv list (unit, group, optional short name, head, contact). */
import { importUnits } from '../../core/setup/units.ts';
import { listImportCommand } from './setup-import.ts';
import { SETUP_CYCLE_HELP } from '../support.ts';

const USAGE = `Cách dùng:
  cchc import-units --db TỆP [--cycle MÃ] TỆP.xlsx|TỆP.csv [--dry-run] [--actor MÃ]
${SETUP_CYCLE_HELP}

Nhập danh sách cơ quan, đơn vị của kỳ đánh giá. Cột (tên tiếng Việt hoặc tiếng Anh):
  Đơn vị / unit (bắt buộc), Nhóm / group (bắt buộc: mã, tên hoặc tên ngắn của một nhóm của kỳ),
  Tên ngắn / short name, Thủ trưởng / head, Liên hệ / contact.
Đơn vị mới được thêm sau các đơn vị đã có; đơn vị trùng tên được cập nhật thông tin.
Tên trùng trong tệp, nhóm không có trong kỳ, ô trống bị từ chối (nêu tệp, dòng, cột); khi bị
từ chối không có gì được ghi. --dry-run chỉ in bản xem trước (JSON), không ghi.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

export default listImportCommand('import-units', USAGE, (db, cycleId, file, o) => importUnits(db, cycleId, file, o));
