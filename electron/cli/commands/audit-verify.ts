/**
 * `audit-verify --db`: the audit hash chain and its signed heads, every stored package's signature,
 * every results snapshot, and the store recomputed from the signed packages and the audited
 * decisions (every difference by unit and sub-criterion); optional export.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type AuditQuery, exportAudit, verifyStore } from '../../core/audit/log.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { secretariatFingerprint } from '../../core/audit/trust.ts';
import { dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { openReadOnly } from '../store.ts';

const USAGE = `Cách dùng:
  cchc audit-verify --db TỆP [--data-dir THƯ_MỤC] [--export TỆP [--format json|csv] [--entity LOẠI] [--actor MÃ] [--action HÀNH_ĐỘNG] [--package MÃ_BĂM] [--from THỜI_ĐIỂM] [--to THỜI_ĐIỂM]]

Kiểm tra nhật ký: chuỗi mã băm từ dòng đầu tiên và các đầu chuỗi đã ký bằng khóa của cơ quan
thường trực (phát hiện dòng bị sửa rồi nối lại chuỗi, dòng cuối bị xóa, dòng ghi thêm từ ngoài),
chữ ký số và mã băm của mọi gói kết quả thẩm định đã nhập, mã băm của mọi bản chốt kết quả; rồi
tính lại điểm thẩm định, điểm thống nhất, hạ điểm chuẩn, điểm điều tra và kết quả từ các gói đã ký
và nhật ký, báo mọi chỗ khác theo đơn vị và tiêu chí thành phần. Với --export, ghi nhật ký ra tệp.
--data-dir: thư mục chứa khóa định danh của máy (mặc định: thư mục của --db).

Mã thoát: 0 toàn vẹn, 1 phát hiện sai lệch (mã lỗi trên stderr), 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'audit-verify',
      args,
      {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        export: { type: 'string' },
        format: { type: 'string' },
        entity: { type: 'string' },
        actor: { type: 'string' },
        action: { type: 'string' },
        package: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "audit-verify" không nhận đối số "${positionals[0]}".`);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new UsageError(`--format phải là "json" hoặc "csv", không phải "${format}".`);
    const dbPath = requireOption('audit-verify', 'db', values.db);
    const db = openReadOnly(dbPath);
    try {
      const check = verifyStore(db, {
        trustedFingerprint: secretariatFingerprint(db, dataDirOf(values['data-dir'], dbPath)),
      });
      const query: AuditQuery = {
        ...(values.entity ? { entity: values.entity } : {}),
        ...(values.actor ? { actor: values.actor } : {}),
        ...(values.action ? { action: values.action } : {}),
        ...(values.package ? { packageHash: values.package } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      };
      const exported = values.export ? exportAudit(db, values.export, { format, query }) : null;
      io.out(json({ ...check, export: exported }));
      const first = check.problems[0];
      if (first) {
        const more =
          check.problems.length > 1 ? ` (và ${check.problems.length - 1} sai lệch khác, xem kết quả JSON)` : '';
        throw new CodedFailure(first.code, `${first.message}${more}`);
      }
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
