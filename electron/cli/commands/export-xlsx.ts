/** `export-xlsx --db FILE --out FILE.xlsx`: every table of the cycle's report as a workbook (and optionally CSV files and JSON). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cycleJson, exportCsv, exportXlsx } from '../../core/export/export.ts';
import type { CliCommand, CliIO } from '../command.ts';
import { parseCommandArgs, outPath, json } from '../support.ts';
import { openCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc export-xlsx --db TỆP [--cycle MÃ] --out TỆP.xlsx [--no-detail] [--csv THƯ-MỤC] [--json TỆP.json]

Xuất mọi bảng kết quả của kỳ đánh giá ra Excel: tổng hợp xếp nhóm; theo từng khối bảng kết
quả (có dòng TRUNG BÌNH) và bảng điểm theo lĩnh vực; thống kê theo khối và lĩnh vực; tiêu chí
chưa đạt; hạ điểm chuẩn; nhận xét; chi tiết điểm từng tiêu chí của từng đơn vị. Số được lưu
dưới dạng số (định dạng hiển thị #,##0.00).

Tùy chọn:
  --no-detail      Không xuất trang "Chi tiết".
  --csv THƯ-MỤC    Xuất thêm mỗi bảng một tệp .csv (UTF-8) vào thư mục này.
  --json TỆP.json  Xuất thêm kết quả, nhận xét và dữ liệu biểu đồ dạng JSON.

Kết quả (stdout): JSON {"out", "sheets", "bytes"}. Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('export-xlsx', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      out: { type: 'string' },
      'no-detail': { type: 'boolean' },
      csv: { type: 'string' },
      json: { type: 'string' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const out = outPath(values.out, '.xlsx', 'export-xlsx');
    const { db, cycleId } = openCycle(values.db, values.cycle, 'export-xlsx');
    try {
      const options = { detail: !values['no-detail'] };
      const r = await exportXlsx(db, cycleId, out, options);
      const csv = values.csv ? await exportCsv(db, cycleId, resolve(values.csv), options) : undefined;
      if (values.json) writeFileSync(resolve(values.json), cycleJson(db, cycleId), 'utf8');
      io.out(
        json({
          out,
          sheets: r.sheets,
          bytes: r.bytes,
          ...(csv ? { csv } : {}),
          ...(values.json ? { json: resolve(values.json) } : {}),
        }),
      );
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
