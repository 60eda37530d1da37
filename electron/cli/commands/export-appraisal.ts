/** `export-appraisal`: the member's signed appraisal package (a full snapshot, numbered and chained). */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { exportAppraisalPackage } from '../../core/exchange/export-appraisal.ts';
import { unlockIdentity } from '../../core/exchange/keystore.ts';
import { memberForKey } from '../../core/council/roster-keys.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { PASSPHRASE_HELP, dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { cycleOf, openExisting, passphraseFrom } from '../store.ts';

const USAGE = `Cách dùng:
  cchc export-appraisal --db TỆP [--data-dir THƯ_MỤC] [--member MÃ] [--cycle MÃ] (--out TỆP | --out-dir THƯ_MỤC)

Xuất gói kết quả thẩm định của thành viên (toàn bộ điểm thẩm định, đề nghị hạ điểm chuẩn,
khai báo xung đột lợi ích), JSON chuẩn tắc RFC 8785, ký số Ed25519 bằng khóa của máy này.
Mỗi gói có số thứ tự và mã băm của gói trước; gói mới thay thế toàn bộ gói cũ.

Tùy chọn:
  --db TỆP            Cơ sở dữ liệu của thành viên.
  --data-dir THƯ_MỤC  Thư mục chứa khóa định danh (mặc định: thư mục của --db).
  --member MÃ         Thành viên (mặc định: thành viên có khóa của máy này trong danh sách).
  --cycle MÃ          Kỳ đánh giá (bắt buộc khi có nhiều kỳ).
  --out TỆP           Tệp gói cần ghi.
  --out-dir THƯ_MỤC   Hoặc: thư mục, tên tệp đặt theo kỳ, thành viên và số thứ tự.
  ${PASSPHRASE_HELP}

Kết quả (JSON): path, packageHash, sequence, items, skipped (mục ngoài phạm vi, không đưa vào gói).
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'export-appraisal',
      args,
      {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        member: { type: 'string' },
        cycle: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "export-appraisal" không nhận đối số "${positionals[0]}".`);
    const dbPath = requireOption('export-appraisal', 'db', values.db);
    if ((values.out === undefined) === (values['out-dir'] === undefined))
      throw new UsageError('Cần đúng một trong --out TỆP hoặc --out-dir THƯ_MỤC.');
    const signer = unlockIdentity(
      dataDirOf(values['data-dir'], dbPath),
      passphraseFrom(values['passphrase-file'], 'export-appraisal'),
    );
    const db = openExisting(dbPath);
    try {
      const cycleId = cycleOf(db, values.cycle, dbPath);
      const member = values.member ?? memberForKey(db, cycleId, signer.fingerprint);
      if (!member) throw new CodedFailure('EXCHANGE_NOT_ON_ROSTER', EXCHANGE_ACTION_ERRORS.EXCHANGE_NOT_ON_ROSTER);
      const out = exportAppraisalPackage(
        db,
        cycleId,
        member,
        signer,
        values.out !== undefined ? { outPath: values.out } : { outDir: values['out-dir']! },
      );
      for (const s of out.skipped) io.err(`Bỏ qua tiêu chí ${s.nodeCode} của đơn vị ${s.unitId}: ${s.reason}.\n`);
      io.out(json(out));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
