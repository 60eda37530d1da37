/** `init-demo --db FILE`: a database with the demo cycle "Sóc Trăng 2023" (evidence files beside it, in evidence/). */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { openDatabase } from '../../core/db/connection.ts';
import { initDemo } from '../../core/demo/init.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { parseCommandArgs, json } from '../support.ts';

const USAGE = `Cách dùng:
  cchc init-demo --db TỆP

Tạo cơ sở dữ liệu mới (hoặc thêm vào cơ sở dữ liệu chưa có kỳ mẫu) kỳ đánh giá mẫu
"Sóc Trăng 2023": 40 cơ quan, đơn vị với hồ sơ tự đánh giá, hạ điểm chuẩn, điểm ĐTXHH,
Hội đồng thẩm định, dựng từ các tệp trong resources/demo/ qua các bước thiết lập kỳ, nhập danh sách
đơn vị, Hội đồng, hồ sơ tự đánh giá lần 1 và 2, điểm khảo sát (mỗi bước đều ghi nhật ký).
Tài liệu kiểm chứng được lưu trong thư mục evidence/ cạnh tệp.

  --db TỆP   Tệp cơ sở dữ liệu SQLite.`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('init-demo', args, { db: { type: 'string' } });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.db) throw new UsageError('Thiếu --db TỆP. Xem: cchc init-demo --help');
    const path = resolve(values.db);
    if (!existsSync(dirname(path)))
      throw new CodedFailure('DB_FOLDER_MISSING', `Thư mục “${dirname(path)}” không tồn tại.`);
    const db = openDatabase(path);
    try {
      const r = await initDemo(db, dirname(path));
      io.out(json({ db: path, ...r }));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
