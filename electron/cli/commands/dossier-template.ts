/** `dossier-template --db FILE --cycle ID --group CODE --out FILE.xlsx`: the self-assessment template of a group. */
import { writeFileSync } from 'node:fs';
import { dossierTemplate } from '../../core/intake/template.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { json, outPath, parseCommandArgs, SETUP_CYCLE_HELP } from '../support.ts';
import { openSetupCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc dossier-template --db TỆP [--cycle MÃ] --group MÃ_NHÓM --out TỆP.xlsx
${SETUP_CYCLE_HELP}

Tạo phiếu tự đánh giá (.xlsx) của một nhóm đơn vị theo bộ tiêu chí của kỳ: mỗi tiêu chí thành
phần một dòng (mã, tên, điểm tối đa, cách chấm, đơn vị cần nhập, hướng dẫn, tài liệu kiểm chứng),
các ô nhập có kiểm tra dữ liệu, cấu trúc được khóa; trang ẩn ghi mã kỳ, mã nhóm và mã băm bộ tiêu chí.

Kết quả (stdout): JSON {"file", "group", "rows", "frameworkHash"}.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('dossier-template', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      group: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.group) throw new UsageError('Thiếu --group MÃ_NHÓM. Xem: cchc dossier-template --help');
    const out = outPath(values.out, '.xlsx', 'dossier-template');
    const { db, cycleId } = openSetupCycle(values.db, values.cycle, 'dossier-template', io);
    try {
      const t = await dossierTemplate(db, cycleId, values.group);
      writeFileSync(out, t.bytes);
      io.out(
        json({ file: out, group: t.target.group, rows: t.target.leaves.length, frameworkHash: t.target.frameworkHash }),
      );
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
