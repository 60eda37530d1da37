/** `finalise --db`: lock the cycle with a results snapshot (when complete), or reopen it with a reason. */
import { finaliseCycle, reopenCycle } from '../../core/council/finalise.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { PASSPHRASE_HELP, dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { cycleOf, openExisting, signAuditWith } from '../store.ts';

const USAGE = `Cách dùng:
  cchc finalise --db TỆP [--cycle MÃ] [--data-dir THƯ_MỤC] [--actor MÃ] [--reason LÝ_DO] [--accept-missing-evidence]
  cchc finalise --db TỆP [--cycle MÃ] --reopen --reason LÝ_DO [--actor MÃ]

Chốt kết quả kỳ đánh giá khi ma trận đầy đủ cho phép (mọi tiêu chí thành phần đã có điểm, không
còn ý kiến khác nhau, không còn đề nghị hạ điểm chuẩn chờ duyệt hoặc thiếu lý do): lưu bản kết
quả kèm mã băm, khóa kỳ đánh giá, ghi nhật ký (sau khi sao lưu tệp cơ sở dữ liệu).
--accept-missing-evidence: vẫn chốt khi còn tiêu chí thiếu tài liệu kiểm chứng (phải có --reason).
--reopen: mở lại kỳ đã chốt; bắt buộc có lý do; được ghi nhật ký.
Khi thư mục dữ liệu có khóa định danh của cơ quan thường trực, khóa ký đầu chuỗi nhật ký.
${PASSPHRASE_HELP}

Mã thoát: 0 thành công, 1 chưa đủ điều kiện hoặc lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'finalise',
      args,
      {
        db: { type: 'string' },
        cycle: { type: 'string' },
        'data-dir': { type: 'string' },
        actor: { type: 'string' },
        reason: { type: 'string' },
        'accept-missing-evidence': { type: 'boolean' },
        reopen: { type: 'boolean' },
        'passphrase-file': { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "finalise" không nhận đối số "${positionals[0]}".`);
    const dbPath = requireOption('finalise', 'db', values.db);
    const db = openExisting(dbPath);
    try {
      const cycleId = cycleOf(db, values.cycle, dbPath);
      const actor = values.actor ?? 'cli';
      signAuditWith(db, dataDirOf(values['data-dir'], dbPath), values['passphrase-file'], 'finalise');
      if (values.reopen) {
        reopenCycle(db, cycleId, { actor, reason: requireOption('finalise', 'reason', values.reason) });
        io.out(json({ cycleId, status: 'open' }));
        return 0;
      }
      const snap = finaliseCycle(db, dataDirOf(values['data-dir'], dbPath), cycleId, {
        actor,
        ...(values.reason ? { reason: values.reason } : {}),
        acceptMissingEvidence: values['accept-missing-evidence'] === true,
      });
      io.out(json({ status: 'finalised', ...snap }));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
