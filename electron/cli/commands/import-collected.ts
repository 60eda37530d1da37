/** `import-collected --db FILE --cycle ID --round 1|2 FILE.xlsx [--dry-run]`: a collected workbook of self-scores (one column per unit). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { commitCollectedWorkbook, previewCollectedWorkbook } from '../../core/intake/collected.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { parseCommandArgs, json } from '../support.ts';
import { openCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc import-collected --db TỆP [--cycle MÃ] --round 1|2 TỆP.xlsx [--dry-run]

Nhập bảng tổng hợp điểm tự đánh giá: trang tính đầu tiên, một cột mã tiêu chí (“Mã”, “Mã tiêu
chí”, “TT”, “STT”), mỗi đơn vị một cột điểm (tiêu đề cột là tên đơn vị trong kỳ); các cột “Tiêu
chí”, “Nội dung”, “Điểm tối đa”, “Điểm chuẩn”, “Ghi chú” được bỏ qua; dòng lĩnh vực, tiêu chí
(tổng phụ) và dòng “Tổng cộng” được bỏ qua. Xem README.

Kết quả (stdout): JSON {"file", "sha256", "sheet", "round", "units": [...], "ignoredColumns", "skippedRows"}.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values, positionals } = parseCommandArgs(
      'import-collected',
      args,
      {
        db: { type: 'string' },
        cycle: { type: 'string' },
        round: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      { files: true },
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values.round !== '1' && values.round !== '2')
      throw new UsageError(
        `--round phải là 1 hoặc 2${values.round ? `, không phải "${values.round}"` : ''}. Xem: cchc import-collected --help`,
      );
    if (positionals.length !== 1)
      throw new UsageError('Cần đúng một tệp bảng tổng hợp (.xlsx). Xem: cchc import-collected --help');
    const path = resolve(positionals[0]!);
    if (!existsSync(path))
      throw new CodedFailure('INTAKE_WORKBOOK_UNREADABLE', `Không tìm thấy tệp “${positionals[0]}”.`);
    const { db, cycleId } = openCycle(values.db, values.cycle, 'import-collected', 'write');
    try {
      const round = Number(values.round) as 1 | 2;
      const r = values['dry-run']
        ? await previewCollectedWorkbook(db, cycleId, path, round)
        : await commitCollectedWorkbook(db, cycleId, path, round, 'cli');
      io.out(json(r));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
