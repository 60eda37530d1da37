/** `import-cycle FILE --db`: a member receives the secretariat's cycle package. */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../../core/db/connection.ts';
import { importCyclePackage } from '../../core/exchange/cycle-package.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';

const USAGE = `Cách dùng:
  cchc import-cycle TỆP --db TỆP [--data-dir THƯ_MỤC] [--fingerprint "XXXX XXXX ..."] [--actor MÃ]

Nhận gói kỳ đánh giá của cơ quan thường trực vào cơ sở dữ liệu của thành viên (tạo mới nếu
chưa có): kiểm tra chữ ký số và mã băm của từng tệp, rồi ghi trong một giao dịch. Sau đó có thể
làm việc không cần mạng; hồ sơ của đơn vị chỉ được xem. Lần phát hành sau thay hồ sơ, giữ nguyên
điểm thẩm định của thành viên.

Tùy chọn:
  --db TỆP            Cơ sở dữ liệu của thành viên (tạo mới nếu chưa có).
  --data-dir THƯ_MỤC  Thư mục dữ liệu: tài liệu kiểm chứng, bản sao lưu (mặc định: thư mục của --db).
  --fingerprint DẤU   Dấu vân tay khóa của cơ quan thường trực đã được đọc cho thành viên
                      (32 ký tự hiển thị hoặc đủ 64): gói ký bằng khóa khác bị từ chối.
  --actor MÃ          Người thực hiện, ghi vào nhật ký (mặc định "cli").

Mã thoát: 0 đã nhận (hoặc đã có), 1 gói bị từ chối, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'import-cycle',
      args,
      {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        fingerprint: { type: 'string' },
        actor: { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length !== 1)
      throw new UsageError('Cần đúng một tệp gói kỳ đánh giá. Xem: cchc import-cycle --help');
    const dbPath = requireOption('import-cycle', 'db', values.db);
    const dataDir = dataDirOf(values['data-dir'], dbPath);
    // A database this command creates is removed again when the package is refused.
    const absent = !existsSync(dbPath);
    const created = absent || statSync(dbPath).size === 0;
    const db = openDatabase(dbPath, { mode: 'create', backupBeforeMigrate: !created });
    let refused = true;
    try {
      const r = importCyclePackage(db, dataDir, positionals[0]!, {
        actor: values.actor ?? 'cli',
        ...(values.fingerprint ? { expectFingerprint: values.fingerprint } : {}),
      });
      refused = false;
      if (r.code) io.err(`${r.code}: ${r.message}\n`);
      io.out(json(r));
    } finally {
      db.close();
      if (refused && created) {
        for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
        if (!absent) writeFileSync(dbPath, ''); // it was an empty file: leave it empty
      }
    }
    return 0;
  },
};

export default command;
