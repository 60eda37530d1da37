/** `cycles --db FILE`: the database's cycles as JSON (read-only). */
import { cycleList } from '../../core/setup/cycles.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { json, parseCommandArgs, requireOption } from '../support.ts';
import { openExisting } from '../store.ts';

const USAGE = `Cách dùng:
  cchc cycles --db TỆP

In danh sách kỳ đánh giá (JSON, chỉ đọc): mã, tên, năm, tỉnh, số chữ số thập phân, các căn cứ
pháp lý, kỳ hiện hành, các nhóm với bộ tiêu chí (mã băm, bộ mẫu hay không), số đơn vị, số thành viên,
đã bắt đầu thẩm định hay chưa.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('cycles', args, { db: { type: 'string' } }, { files: true });
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0)
      throw new UsageError(`Lệnh "cycles" không nhận đối số "${positionals[0]}". Xem: cchc cycles --help`);
    const path = requireOption('cycles', 'db', values.db);
    const db = openExisting(path);
    try {
      io.out(json(cycleList(db)));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
