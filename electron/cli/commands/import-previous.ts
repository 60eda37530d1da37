/** `import-previous --db FILE --summary F`: a previous year's results for the year-on-year columns and the previous-year-delta kind. */
import { importPreviousResults } from '../../core/report/previous.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { parseCommandArgs, json } from '../support.ts';
import { openCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc import-previous --db TỆP [--cycle MÃ] --summary TỆP [--summary TỆP …] [--year NĂM]
                       [--allow-unmatched] [--dry-run]

Nhập kết quả Chỉ số CCHC của năm trước từ bảng tổng hợp (như cchc results --summary: unit,
group, benchmark_max, self_assessed, survey_cbccvc, survey_sipas) để so sánh với năm trước và
chấm tiêu chí "mức độ cải thiện Chỉ số". Chỉ số năm trước được tính lại (làm tròn nửa lên) và
ghép với đơn vị của kỳ theo tên; nhập lại cùng năm sẽ thay kết quả cũ của năm đó.

Tùy chọn:
  --year NĂM         Năm của kết quả (mặc định: năm của kỳ − 1).
  --allow-unmatched  Bỏ qua đơn vị không có trong kỳ (mặc định: báo lỗi).
  --dry-run          Chỉ kiểm tra và xem trước, không ghi.

Kết quả (stdout): JSON xem trước. Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('import-previous', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      summary: { type: 'string', multiple: true },
      year: { type: 'string' },
      'allow-unmatched': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const files = values.summary ?? [];
    if (files.length === 0) throw new UsageError('Thiếu --summary TỆP. Xem: cchc import-previous --help');
    if (values.year !== undefined && !/^\d{4}$/.test(values.year.trim()))
      throw new UsageError(`--year phải là một năm (4 chữ số), không phải "${values.year}".`);
    const { db, cycleId } = openCycle(values.db, values.cycle, 'import-previous', 'write');
    try {
      const r = await importPreviousResults(db, cycleId, files, {
        ...(values.year ? { year: Number(values.year) } : {}),
        allowUnmatched: values['allow-unmatched'] === true,
        commit: values['dry-run'] !== true,
        actor: 'cli',
      });
      io.out(json(r));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
