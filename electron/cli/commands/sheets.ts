/** `sheets --db FILE --unit ID --out FILE.pdf`: per-unit appraisal sheets, preliminary-results notices or feedback sheets. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { UnitSheetKind } from '../../../shared/report/html/unit-sheets.ts';
import { closeSharedPrinter, sharedChromiumPrinter } from '../../core/documents/chromium.ts';
import { resolveUnits, unitSheetsDocumentHtml } from '../../core/documents/documents.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { parseCommandArgs, outPath, json } from '../support.ts';
import { openCycle } from '../store.ts';
import { pdfPageCount, signWith } from './minutes.ts';

const KINDS: readonly UnitSheetKind[] = ['appraisal', 'notice', 'feedback'];

const USAGE = `Cách dùng:
  cchc sheets --db TỆP [--cycle MÃ] --unit MÃ|TÊN|all [--unit …] --out TỆP.pdf
              [--kind appraisal|notice|feedback] [--round 1|2] [--deadline dd/mm/yyyy] [--html TỆP.html]
              [--sign TỆP.p12 [--passphrase-env BIẾN]]

In văn bản theo từng đơn vị (khổ A4, mỗi đơn vị bắt đầu ở trang mới):
  appraisal  Phiếu thẩm định (mặc định): từng tiêu chí thành phần với điểm tối đa, điểm tự
             đánh giá lần 1, lần 2, điểm thẩm định, hạ điểm chuẩn, tài liệu kiểm chứng, nhận xét.
  notice     Thông báo kết quả thẩm định sơ bộ sau lần --round (gửi Thủ trưởng đơn vị).
  feedback   Phiếu phản hồi: tiêu chí có điểm thẩm định khác điểm tự đánh giá và lý do.

Tùy chọn:
  --unit      Mã đơn vị, tên đơn vị, hoặc all (mọi đơn vị của kỳ); có thể lặp lại.
  --round     Lần tự đánh giá của thông báo (1 hoặc 2; mặc định 1).
  --deadline  Hạn đơn vị gửi lại kết quả tự đánh giá lần 2 (thông báo lần 1).
  --sign TỆP.p12  Ký số văn bản bằng chứng thư số PKCS#12; mật khẩu trong biến môi trường --passphrase-env.

Kết quả (stdout): JSON {"out", "units", "pages", "bytes", "signed"}. Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('sheets', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      unit: { type: 'string', multiple: true },
      out: { type: 'string' },
      kind: { type: 'string' },
      round: { type: 'string' },
      deadline: { type: 'string' },
      html: { type: 'string' },
      sign: { type: 'string' },
      'passphrase-env': { type: 'string' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const kind = (values.kind ?? 'appraisal').trim().toLowerCase() as UnitSheetKind;
    if (!KINDS.includes(kind))
      throw new UsageError(`--kind phải là appraisal, notice hoặc feedback, không phải "${values.kind}".`);
    if (values.round !== undefined && values.round !== '1' && values.round !== '2')
      throw new UsageError(`--round phải là 1 hoặc 2, không phải "${values.round}".`);
    if (values.deadline !== undefined && !/^\d{2}\/\d{2}\/\d{4}$/.test(values.deadline))
      throw new UsageError(`--deadline phải có dạng dd/mm/yyyy, không phải "${values.deadline}".`);
    const units = values.unit ?? [];
    if (units.length === 0) throw new UsageError('Thiếu --unit MÃ (hoặc --unit all). Xem: cchc sheets --help');
    const out = outPath(values.out, '.pdf', 'sheets');
    const { db, cycleId } = openCycle(values.db, values.cycle, 'sheets');
    try {
      await sharedChromiumPrinter().warmUp(); // Chromium starts while the document is built
      const ids = resolveUnits(db, cycleId, units.some((u) => u.trim().toLowerCase() === 'all') ? 'all' : units);
      const html = unitSheetsDocumentHtml(db, cycleId, ids, {
        kind,
        ...(values.round ? { round: Number(values.round) as 1 | 2 } : {}),
        ...(values.deadline ? { deadline: values.deadline } : {}),
      });
      if (values.html) writeFileSync(resolve(values.html), html, 'utf8');
      const printed = await sharedChromiumPrinter().printToPdf(html);
      const pdf = values.sign
        ? await signWith(printed, values.sign, values['passphrase-env'], 'Văn bản của Hội đồng thẩm định', db, cycleId)
        : printed;
      writeFileSync(out, pdf);
      io.out(
        json({
          out,
          units: ids.length,
          pages: pdfPageCount(pdf),
          bytes: pdf.byteLength,
          signed: values.sign !== undefined,
        }),
      );
    } finally {
      db.close();
      await closeSharedPrinter();
    }
    return 0;
  },
};

export default command;
