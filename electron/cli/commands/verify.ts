/** `verify FILE`: is this a valid package? Exit 0 only for a valid one; otherwise its code on stderr. */
import { readAppraisalPackage, looksLikeTar } from '../../core/exchange/appraisal-file.ts';
import { verifyCyclePackage } from '../../core/exchange/cycle-verify.ts';
import { checkPackage } from '../../core/exchange/import-check.ts';
import { appraisalCapFor } from '../../core/exchange/package-cap.ts';
import { readHead } from '../../core/exchange/refusal.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { json, parseCommandArgs } from '../support.ts';
import { openReadOnly } from '../store.ts';

const USAGE = `Cách dùng:
  cchc verify TỆP [--db TỆP]

Kiểm tra một gói: gói kết quả thẩm định (.cchc-appraisal.json) hoặc gói kỳ đánh giá
(.cchc-cycle.tar). Không có --db: kích thước, cấu trúc, chữ ký số (và mọi mã băm của gói kỳ
đánh giá). Có --db (gói kết quả thẩm định): thêm người ký có trong danh sách Hội đồng, đúng kỳ
và bộ tiêu chí, mọi tiêu chí trong phạm vi được phân công, thứ tự gói. Không ghi gì.

Kết quả (JSON) khi hợp lệ; khi không hợp lệ: "MÃ_LỖI: lý do" trên stderr.
Mã thoát: 0 gói hợp lệ, 1 gói không hợp lệ, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('verify', args, { db: { type: 'string' } }, { files: true });
    if (values.help) return void io.out(USAGE);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp gói. Xem: cchc verify --help');
    const file = positionals[0]!;
    const head = readHead(file, 512);
    if (looksLikeTar(head)) {
      const v = verifyCyclePackage(file);
      io.out(
        json({
          kind: 'cycle',
          valid: true,
          file: v.file,
          packageHash: v.packageHash,
          cycleId: v.manifest.cycleId,
          revision: v.manifest.revision,
          signer: v.signer,
          entries: v.manifest.entries.length,
          bytes: v.bytes,
        }),
      );
      return 0;
    }
    // With --db, the store's cap (it grows with the cycle); without, the ceiling.
    const db = values.db === undefined ? null : openReadOnly(values.db);
    try {
      const pkg = readAppraisalPackage(file, db ? appraisalCapFor(db) : undefined);
      const base = {
        kind: 'appraisal',
        valid: true,
        file: pkg.file,
        packageHash: pkg.packageHash,
        cycleId: pkg.payload.cycleId,
        member: pkg.payload.member,
        fingerprint: pkg.payload.keyFingerprint,
        display: formatFingerprint(pkg.payload.keyFingerprint),
        sequence: pkg.payload.sequence,
        previousPackageHash: pkg.payload.previousPackageHash,
        createdAt: pkg.payload.createdAt,
        items: pkg.payload.appraisals.length,
        conflictsOfInterest: pkg.payload.conflictsOfInterest.length,
      };
      if (db === null) {
        io.out(json(base));
        return 0;
      }
      const checked = checkPackage(db, pkg);
      io.out(json({ ...base, state: checked.state, lastSequence: checked.lastSequence, gap: checked.gap }));
    } finally {
      db?.close();
    }
    return 0;
  },
};

export default command;
