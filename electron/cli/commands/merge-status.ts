/**
 * `merge-status --db`: completeness matrix, open conflicts, pending exemptions, declarations, packages
 * received, and the store's integrity (audit-verify's check): exit 1 with its code when it fails.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { secretariatFingerprint } from '../../core/audit/trust.ts';
import { verifyStore } from '../../core/audit/log.ts';
import { listConflictsOfInterest } from '../../core/council/conflicts-of-interest.ts';
import { completenessMatrix } from '../../core/council/completeness.ts';
import { listConflicts } from '../../core/council/conflicts.ts';
import { listExemptions } from '../../core/exemptions/decide.ts';
import { rosterWithKeys } from '../../core/council/roster-keys.ts';
import { getCycle } from '../../core/db/repos/cycles.ts';
import { formatIsoDateTime } from '../../../shared/format/vi.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { cycleOf, openReadOnly } from '../store.ts';

const USAGE = `Cách dùng:
  cchc merge-status --db TỆP [--cycle MÃ] [--data-dir THƯ_MỤC] [--format json|table]

Tình trạng tổng hợp kết quả thẩm định: ma trận đơn vị × lĩnh vực (đã thẩm định / tổng số
tiêu chí thành phần, thiếu tài liệu kiểm chứng, hạ điểm chuẩn thiếu lý do hoặc chờ phê duyệt,
ý kiến khác nhau chưa xử lý), các gói đã nhận của từng thành viên, khai báo xung đột lợi ích,
và kỳ đánh giá đã đủ điều kiện chốt kết quả chưa.

Kèm kết quả kiểm tra toàn vẹn (như audit-verify): dữ liệu bị sửa ngoài ứng dụng thì mã thoát 1.

Mã thoát: 0 (kể cả khi chưa đủ điều kiện chốt), 1 lỗi dữ liệu hoặc dữ liệu bị sửa, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'merge-status',
      args,
      {
        db: { type: 'string' },
        cycle: { type: 'string' },
        'data-dir': { type: 'string' },
        format: { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0) throw new UsageError(`Lệnh "merge-status" không nhận đối số "${positionals[0]}".`);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'table')
      throw new UsageError(`--format phải là "json" hoặc "table", không phải "${format}".`);
    const dbPath = requireOption('merge-status', 'db', values.db);
    const dataDir = dataDirOf(values['data-dir'], dbPath);
    const db = openReadOnly(dbPath);
    try {
      const cycleId = cycleOf(db, values.cycle, dbPath);
      const matrix = completenessMatrix(db, dataDir, cycleId);
      const conflicts = listConflicts(db, dataDir, cycleId, { status: 'open' });
      const pending = listExemptions(db, cycleId, { status: 'proposed' });
      const coi = listConflictsOfInterest(db, cycleId);
      const roster = rosterWithKeys(db, cycleId);
      const status = getCycle(db, cycleId)?.status ?? 'open';
      const integrity = verifyStore(db, { trustedFingerprint: secretariatFingerprint(db, dataDir) });
      const tampered = () => {
        const first = integrity.problems[0];
        if (first) throw new CodedFailure(first.code, `${first.message} Chạy “cchc audit-verify” để xem mọi sai lệch.`);
        return 0;
      };
      if (format === 'json') {
        io.out(
          json({
            cycleId,
            status,
            ready: matrix.ready,
            blockers: matrix.blockers,
            totals: matrix.totals,
            fields: matrix.fields,
            rows: matrix.rows,
            openConflicts: conflicts.map((c) => ({
              unitId: c.unitId,
              unitName: c.unitName,
              nodeCode: c.nodeCode,
              sides: c.sides.map((s) => ({ memberId: s.memberId, score: s.score })),
            })),
            exemptionsPending: pending.map((e) => ({
              unitId: e.unitId,
              nodeCode: e.nodeCode,
              proposedBy: e.proposedBy,
              reason: e.reason,
              legalBasis: e.legalBasis,
            })),
            conflictsOfInterest: coi,
            members: roster.map((m) => ({
              id: m.id,
              name: m.name,
              fields: m.fields,
              display: m.display,
              lastPackage: m.lastPackage,
            })),
            integrity: { ok: integrity.ok, problems: integrity.problems },
          }),
        );
        return tampered();
      }
      const lines: string[] = [];
      const width = Math.max(8, ...matrix.rows.map((r) => r.unitName.length));
      lines.push(`${'Đơn vị'.padEnd(width)}  ${matrix.fields.map((f) => `LV${f.code}`.padStart(9)).join(' ')}`);
      for (const r of matrix.rows) {
        const cells = r.cells.map((c) => {
          if (!c) return '—'.padStart(9);
          const flag = c.openConflicts
            ? '!'
            : c.exemptionsPending || c.exemptionsWithoutReason
              ? '?'
              : c.missingEvidence
                ? '*'
                : c.complete
                  ? ' '
                  : ' ';
          return `${c.appraised}/${c.total}${flag}`.padStart(9);
        });
        lines.push(`${r.unitName.padEnd(width)}  ${cells.join(' ')}`);
      }
      lines.push(
        '',
        '! ý kiến khác nhau chưa xử lý   ? hạ điểm chuẩn chờ duyệt hoặc thiếu lý do   * thiếu tài liệu kiểm chứng',
        '',
      );
      for (const m of roster)
        lines.push(
          `${m.name} (LV ${m.fields.join(', ') || '—'}): ${m.lastPackage ? `gói số ${m.lastPackage.sequence}, nhập lúc ${formatIsoDateTime(m.lastPackage.importedAt)}` : 'chưa có gói'}`,
        );
      lines.push(
        '',
        matrix.ready ? 'Đủ điều kiện chốt kết quả.' : `Chưa đủ điều kiện chốt kết quả: ${matrix.blockers.join(' ')}`,
      );
      lines.push(
        integrity.ok ? 'Dữ liệu toàn vẹn.' : `DỮ LIỆU BỊ SỬA NGOÀI ỨNG DỤNG: ${integrity.problems.length} sai lệch.`,
      );
      io.out(`${lines.join('\n')}\n`);
      return tampered();
    } finally {
      db.close();
    }
  },
};

export default command;
