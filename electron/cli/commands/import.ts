/** `import FILES --db`: appraisal packages into the secretariat's store, each wholly or not at all. */
import { refusedOutcome } from '../../core/exchange/import.ts';
import { importFiles } from '../../core/exchange/import-batch.ts';
import { previewImport } from '../../core/exchange/import-preview.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { PASSPHRASE_HELP, dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { openExisting, signAuditWith } from '../store.ts';

const USAGE = `Cách dùng:
  cchc import TỆP [TỆP ...] --db TỆP [--data-dir THƯ_MỤC] [--actor MÃ] [--dry-run]

Nhập các gói kết quả thẩm định của thành viên vào cơ sở dữ liệu của cơ quan thường trực.
Mỗi tệp được kiểm tra: kích thước, cấu trúc, chữ ký số, người ký trong danh sách Hội đồng,
kỳ đánh giá và bộ tiêu chí, phạm vi lĩnh vực được phân công, thứ tự gói; rồi ghi trong một
giao dịch (sau khi sao lưu tệp cơ sở dữ liệu vào THƯ_MỤC/backups). Tệp bị từ chối không ghi gì.
Gói đã nhập: không làm gì. Gói cũ hơn gói đã nhập: bỏ qua (báo "đã có gói mới hơn").

Tùy chọn:
  --db TỆP            Cơ sở dữ liệu của cơ quan thường trực.
  --data-dir THƯ_MỤC  Thư mục dữ liệu (bản sao lưu; mặc định: thư mục của --db).
  --actor MÃ          Người nhập, ghi vào nhật ký (mặc định "cli").
  --dry-run           Chỉ xem trước thay đổi (mới, thay đổi, rút lại, ý kiến khác nhau); không ghi.

Kết quả (JSON): kết quả từng tệp. Từ chối: "MÃ_LỖI: lý do" trên stderr.
Khi thư mục dữ liệu có khóa định danh của cơ quan thường trực, khóa ký đầu chuỗi nhật ký.
${PASSPHRASE_HELP}

Mã thoát: 0 mọi tệp đã nhập (hoặc không cần nhập), 1 có tệp bị từ chối, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'import',
      args,
      {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        actor: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'passphrase-file': { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    const dbPath = requireOption('import', 'db', values.db);
    if (positionals.length === 0) throw new UsageError('Thiếu tệp gói cần nhập. Xem: cchc import --help');
    const db = openExisting(dbPath);
    try {
      if (values['dry-run']) {
        let refused = 0;
        const previews = positionals.map((file) => {
          try {
            return previewImport(db, file);
          } catch (e) {
            const o = refusedOutcome(file.split(/[\\/]/).pop() ?? file, e);
            io.err(`${o.code ?? 'EXCHANGE_REFUSED'}: ${o.message}\n`);
            refused += 1;
            return o;
          }
        });
        io.out(json(previews));
        return refused ? 1 : 0;
      }
      const dataDir = dataDirOf(values['data-dir'], dbPath);
      signAuditWith(db, dataDir, values['passphrase-file'], 'import');
      const { outcomes, backup } = importFiles(db, dataDir, positionals, { actor: values.actor ?? 'cli' });
      for (const o of outcomes) if (o.status !== 'imported') io.err(`${o.code ?? 'EXCHANGE_REFUSED'}: ${o.message}\n`);
      io.out(json({ backup, outcomes }));
      return outcomes.some((o) => o.status === 'refused') ? 1 : 0;
    } finally {
      db.close();
    }
  },
};

export default command;
