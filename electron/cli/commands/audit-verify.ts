/** `audit-verify --db`: the audit hash chain, every stored package's signature, every results snapshot; optional export. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type AuditQuery, exportAudit, verifyStore } from '../../core/exchange/audit-log.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { json, openReadOnly, parseWithFiles, requireOption } from './exchange-cli.ts';

const USAGE = `Cách dùng:
  cchc audit-verify --db TỆP [--export TỆP [--format json|csv] [--entity LOẠI] [--actor MÃ] [--action HÀNH_ĐỘNG] [--package MÃ_BĂM] [--from THỜI_ĐIỂM] [--to THỜI_ĐIỂM]]

Kiểm tra nhật ký: chuỗi mã băm từ dòng đầu tiên, chữ ký số và mã băm của mọi gói kết quả thẩm
định đã nhập, mã băm của mọi bản chốt kết quả. Với --export, ghi nhật ký (có thể lọc) ra tệp.

Mã thoát: 0 toàn vẹn, 1 phát hiện sai lệch (mã lỗi trên stderr), 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseWithFiles('audit-verify', args, {
      db: { type: 'string' },
      export: { type: 'string' },
      format: { type: 'string' },
      entity: { type: 'string' },
      actor: { type: 'string' },
      action: { type: 'string' },
      package: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "audit-verify" không nhận đối số "${positionals[0]}".`);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format phải là "json" hoặc "csv", không phải "${format}".`);
    const dbPath = requireOption('audit-verify', 'db', values.db);
    const db = openReadOnly(dbPath);
    try {
      const check = verifyStore(db);
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
      if (!check.chain.ok) throw new CodedFailure('AUDIT_CHAIN_BROKEN', `Nhật ký bị sai lệch tại dòng ${check.chain.seq}: ${check.chain.reason}.`);
      const bad = check.packages.bad[0];
      if (bad) throw new CodedFailure('EXCHANGE_PACKAGE_TAMPERED', `Gói ${bad.packageHash} lưu trong cơ sở dữ liệu bị sai lệch: ${bad.reason}.`);
      const snap = check.snapshots.bad[0];
      if (snap) throw new CodedFailure('EXCHANGE_SNAPSHOT_TAMPERED', `Bản chốt kết quả số ${snap.id} bị sai lệch: ${snap.reason}.`);
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
