/** `export-cycle`: the signed cycle package the secretariat hands to members. */
import { exportCyclePackage } from '../../core/exchange/cycle-export.ts';
import { unlockIdentity } from '../../core/exchange/keystore.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { PASSPHRASE_HELP, dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { cycleOf, openExisting, passphraseFrom, signAuditWith } from '../store.ts';

const USAGE = `Cách dùng:
  cchc export-cycle --db TỆP [--data-dir THƯ_MỤC] [--cycle MÃ] (--out TỆP | --out-dir THƯ_MỤC) [--actor MÃ]

Tạo gói kỳ đánh giá (.cchc-cycle.tar) để gửi thành viên Hội đồng: bộ tiêu chí, đơn vị, hồ sơ
tự đánh giá và tài liệu kiểm chứng, danh sách Hội đồng (khóa công khai, lĩnh vực được phân công),
có bảng kê mã băm sha256 và chữ ký số của cơ quan thường trực. Mỗi lần xuất là một lần phát hành mới.

Tùy chọn:
  --db TỆP            Cơ sở dữ liệu của cơ quan thường trực.
  --data-dir THƯ_MỤC  Thư mục dữ liệu: khóa định danh và tài liệu kiểm chứng (mặc định: thư mục của --db).
  --cycle MÃ          Kỳ đánh giá (bắt buộc khi có nhiều kỳ).
  --out TỆP | --out-dir THƯ_MỤC   Nơi ghi gói.
  --actor MÃ          Người thực hiện, ghi vào nhật ký (mặc định "cli").
  ${PASSPHRASE_HELP}

Kết quả (JSON): path, packageHash, revision, số đơn vị, thành viên, tệp tài liệu, kích thước.
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'export-cycle',
      args,
      {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        cycle: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        actor: { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "export-cycle" không nhận đối số "${positionals[0]}".`);
    const dbPath = requireOption('export-cycle', 'db', values.db);
    if ((values.out === undefined) === (values['out-dir'] === undefined))
      throw new UsageError('Cần đúng một trong --out TỆP hoặc --out-dir THƯ_MỤC.');
    const dataDir = dataDirOf(values['data-dir'], dbPath);
    const signer = unlockIdentity(dataDir, passphraseFrom(values['passphrase-file'], 'export-cycle'));
    const db = openExisting(dbPath);
    try {
      signAuditWith(db, dataDir, undefined, 'export-cycle', signer);
      const out = exportCyclePackage(db, dataDir, cycleOf(db, values.cycle, dbPath), signer, {
        actor: values.actor ?? 'cli',
        ...(values.out !== undefined ? { outPath: values.out } : { outDir: values['out-dir']! }),
      });
      io.out(json({ ...out, signer: { fingerprint: signer.fingerprint } }));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
