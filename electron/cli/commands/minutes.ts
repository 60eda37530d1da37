/** `minutes --db FILE --out FILE.pdf`: the council's minutes (biên bản họp Hội đồng thẩm định) as an A4 PDF. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../../core/db/connection.ts';
import { closeSharedPrinter, sharedChromiumPrinter } from '../../core/documents/chromium.ts';
import { minutesDocumentHtml } from '../../core/documents/documents.ts';
import { signPdf } from '../../core/documents/sign.ts';
import { type Meeting, mergeMeeting, defaultMeeting } from '../../core/report/meeting.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { outPath, parseCommandArgs, json } from '../support.ts';
import { openCycle } from '../store.ts';

/** Pages of a PDF made by Chromium (its page objects). */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Signs a printed PDF with a PKCS#12 certificate; the passphrase is read from the
 * environment variable named by --passphrase-env (never from the command line).
 */
export async function signWith(
  pdf: Uint8Array,
  p12Path: string,
  passphraseEnv: string | undefined,
  reason: string,
  db: Db,
  cycleId: string,
): Promise<Uint8Array> {
  let p12: Buffer;
  try {
    p12 = readFileSync(resolve(p12Path));
  } catch {
    throw new CodedFailure('SIGN_CERTIFICATE_UNREADABLE', `Không đọc được tệp chứng thư số “${p12Path}”.`);
  }
  if (passphraseEnv !== undefined && process.env[passphraseEnv] === undefined) {
    throw new UsageError(`Biến môi trường ${passphraseEnv} (mật khẩu chứng thư số) chưa được đặt.`);
  }
  const meeting = defaultMeeting(db, cycleId);
  return signPdf(pdf, {
    p12,
    passphrase: passphraseEnv ? process.env[passphraseEnv] : '',
    reason,
    location: meeting.placeName,
    name: meeting.secretaryName || meeting.issuer,
  });
}

const USAGE = `Cách dùng:
  cchc minutes --db TỆP [--cycle MÃ] --out TỆP.pdf [--meeting TỆP.json] [--html TỆP.html] [--no-charts] [--no-field-tables]
               [--sign TỆP.p12 [--passphrase-env BIẾN]]

In biên bản họp Hội đồng thẩm định (khổ A4, thể thức Nghị định 30/2020/NĐ-CP): căn cứ,
thời gian, địa điểm, thành phần (có mặt, vắng mặt), nội dung thẩm định, kết quả theo
từng khối (bảng, biểu đồ, nhận xét), hạ điểm chuẩn, ý kiến khác nhau và cách giải quyết,
xung đột lợi ích, kết luận, chữ ký Thư ký và Chủ tịch Hội đồng.

Tùy chọn:
  --db TỆP            Cơ sở dữ liệu của ứng dụng.
  --cycle MÃ          Kỳ đánh giá (bắt buộc khi có nhiều kỳ).
  --out TỆP.pdf       Tệp PDF kết quả.
  --meeting TỆP.json  Thông tin cuộc họp cho lần in này (không lưu), ví dụ
                      {"startsAt":"2024-03-15T08:00","endsAt":"2024-03-15T11:30","location":"…",
                       "documentDate":"2024-03-15","docNumber":"Số: 01/BB-HĐTĐ","conclusions":["…"]}.
  --html TỆP.html     Ghi thêm bản HTML đã dùng để in.
  --no-charts         Không in biểu đồ.
  --no-field-tables   Không in bảng điểm theo lĩnh vực.
  --sign TỆP.p12      Ký số văn bản bằng chứng thư số PKCS#12 (.p12, .pfx).
  --passphrase-env BIẾN  Tên biến môi trường chứa mật khẩu của chứng thư số.

Kết quả (stdout): JSON {"out", "pages", "bytes", "signed"}. Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

function readMeeting(db: Db, cycleId: string, path: string): Partial<Meeting> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CodedFailure(
      'MEETING_FILE_INVALID',
      `Không đọc được tệp thông tin cuộc họp “${path}”: ${(e as Error).message}`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new CodedFailure('MEETING_FILE_INVALID', `Tệp “${path}” phải chứa một đối tượng JSON.`);
  return mergeMeeting(db, cycleId, defaultMeeting(db, cycleId), raw as Partial<Meeting>);
}

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('minutes', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      out: { type: 'string' },
      meeting: { type: 'string' },
      html: { type: 'string' },
      sign: { type: 'string' },
      'passphrase-env': { type: 'string' },
      'no-charts': { type: 'boolean' },
      'no-field-tables': { type: 'boolean' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const out = outPath(values.out, '.pdf', 'minutes');
    const { db, cycleId } = openCycle(values.db, values.cycle, 'minutes');
    try {
      await sharedChromiumPrinter().warmUp(); // Chromium starts while the document is built
      const meeting = values.meeting ? readMeeting(db, cycleId, values.meeting) : undefined;
      const html = minutesDocumentHtml(db, cycleId, {
        charts: !values['no-charts'],
        fieldTables: !values['no-field-tables'],
        ...(meeting ? { meeting } : {}),
      });
      if (values.html) writeFileSync(resolve(values.html), html, 'utf8');
      const printed = await sharedChromiumPrinter().printToPdf(html);
      const pdf = values.sign
        ? await signWith(printed, values.sign, values['passphrase-env'], 'Biên bản họp Hội đồng thẩm định', db, cycleId)
        : printed;
      writeFileSync(out, pdf);
      io.out(json({ out, pages: pdfPageCount(pdf), bytes: pdf.byteLength, signed: values.sign !== undefined }));
    } finally {
      db.close();
      await closeSharedPrinter();
    }
    return 0;
  },
};

export default command;
