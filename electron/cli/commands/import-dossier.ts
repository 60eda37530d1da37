/**
 * `import-dossier --db FILE --cycle ID --unit NAME --round 1|2 FILE.xlsx [--evidence DIR|ZIP] [--dry-run]`:
 * a unit's filled self-assessment workbook with its evidence files.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { commitDossierImport, previewDossierImport } from '../../core/intake/dossier-import.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { dataDirOf, json, parseCommandArgs, SETUP_CYCLE_HELP } from '../support.ts';
import { openSetupCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc import-dossier --db TỆP [--cycle MÃ] --unit TÊN --round 1|2 TỆP.xlsx
                      [--evidence THƯ_MỤC|TỆP.zip] [--data-dir THƯ_MỤC] [--dry-run] [--progress]
${SETUP_CYCLE_HELP}

Nhập phiếu tự đánh giá (lần 1 hoặc lần 2) của một đơn vị cùng tài liệu kiểm chứng (một thư mục
hoặc một tệp .zip). Điểm tự đánh giá được tính lại từ số liệu đơn vị kê khai theo cách chấm của
từng tiêu chí; tài liệu được lưu theo mã băm sha256 (trùng nội dung chỉ lưu một lần) trong
<thư mục dữ liệu>/evidence (mặc định: thư mục chứa cơ sở dữ liệu).

Tùy chọn:
  --dry-run   Chỉ xem trước (JSON: các tiêu chí, tổng điểm, tệp có, tệp thiếu, tệp không được
              dẫn chiếu; lần 2: các thay đổi so với lần 1), không ghi gì.
  --progress  Ghi tiến độ (số tệp, dung lượng) ra stderr.

Kết quả (stdout): JSON xem trước (--dry-run) hoặc {"importId", "unit", "round", "items", "score",
"claimed", "evidenceFiles", "newFiles", "changes"}.
Mã thoát: 0 thành công, 1 lỗi dữ liệu (kể cả thiếu tài liệu khi ghi), 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values, positionals } = parseCommandArgs(
      'import-dossier',
      args,
      {
        db: { type: 'string' },
        cycle: { type: 'string' },
        unit: { type: 'string' },
        round: { type: 'string' },
        evidence: { type: 'string' },
        'data-dir': { type: 'string' },
        'dry-run': { type: 'boolean' },
        progress: { type: 'boolean' },
      },
      { files: true },
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.unit) throw new UsageError('Thiếu --unit TÊN_ĐƠN_VỊ. Xem: cchc import-dossier --help');
    if (values.round !== '1' && values.round !== '2')
      throw new UsageError(
        `--round phải là 1 hoặc 2${values.round ? `, không phải "${values.round}"` : ''}. Xem: cchc import-dossier --help`,
      );
    if (positionals.length !== 1)
      throw new UsageError('Cần đúng một tệp phiếu tự đánh giá (.xlsx). Xem: cchc import-dossier --help');
    const workbookPath = resolve(positionals[0]!);
    if (!existsSync(workbookPath))
      throw new CodedFailure('INTAKE_WORKBOOK_UNREADABLE', `Không tìm thấy tệp “${positionals[0]}”.`);
    const evidencePath = values.evidence ? resolve(values.evidence) : null;
    const dataDir = dataDirOf(values['data-dir'], values.db);
    const { db, cycleId } = openSetupCycle(values.db, values.cycle, 'import-dossier', io, 'write');
    const input = {
      cycleId,
      unit: { name: values.unit },
      round: Number(values.round) as 1 | 2,
      workbookPath,
      evidencePath,
    };
    const run = values.progress
      ? {
          onProgress: (p: { phase: string; done: number; total: number; bytesDone: number; bytesTotal: number }) =>
            io.err(`${p.phase} ${p.done}/${p.total} ${p.bytesDone}/${p.bytesTotal}\n`),
        }
      : {};
    try {
      if (values['dry-run']) {
        io.out(json(await previewDossierImport(db, input, run)));
        return 0;
      }
      const r = await commitDossierImport(db, dataDir, { ...input, actor: 'cli' }, run);
      const p = r.preview;
      io.out(
        json({
          importId: r.importId,
          unit: p.unitName,
          round: p.round,
          items: p.totals.items,
          score: p.totals.score,
          claimed: p.totals.claimed,
          evidenceFiles: p.files.found.length,
          newFiles: r.newFiles,
          changes: p.changes?.length ?? null,
        }),
      );
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
