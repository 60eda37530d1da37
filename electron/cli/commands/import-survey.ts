/** `import-survey --db FILE --file F`: survey points per unit, or raw responses aggregated to points. */
import type { SurveySource } from '../../../shared/report/survey.ts';
import { importSurveyFile } from '../../core/survey/import.ts';
import type { SurveyImportKind } from '../../core/survey/import-rows.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { parseCommandArgs, json } from '../support.ts';
import { openCycle } from '../store.ts';

const USAGE = `Cách dùng:
  cchc import-survey --db TỆP [--cycle MÃ] --file TỆP.csv|.xlsx [--kind points|responses]
                     [--source cbccvc|sipas] [--allow-unmatched] [--dry-run]

Nhập điểm điều tra xã hội học (điểm ĐTXHH) vào kỳ đánh giá:
  points     Mỗi dòng một đơn vị: cột unit (Đơn vị), survey_cbccvc (Khảo sát CBCCVC) và/hoặc
             survey_sipas (Chỉ số SIPAS); có thể thêm số phiếu: respondents_cbccvc, respondents_sipas
             (Số phiếu CBCCVC, Số phiếu SIPAS).
  responses  Mỗi dòng một phiếu của một cuộc khảo sát (--source): cột unit và các cột câu hỏi
             ("Câu 1", "Q1", "C1"…) với phương án trả lời A, B, C, D (trọng số 100%, 60%, 20%, 0%
             hoặc thang đo đã đặt cho kỳ); điểm = tỷ lệ hài lòng × điểm tối đa của tiêu chí.
Mặc định: responses khi tệp có cột câu hỏi, ngược lại points.

Tùy chọn:
  --allow-unmatched  Bỏ qua các dòng của đơn vị không có trong kỳ (mặc định: báo lỗi).
  --dry-run          Chỉ kiểm tra và xem trước, không ghi.

Kết quả (stdout): JSON xem trước (từng đơn vị: điểm, số phiếu, số câu trả lời theo phương án).
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('import-survey', args, {
      db: { type: 'string' },
      cycle: { type: 'string' },
      file: { type: 'string' },
      kind: { type: 'string' },
      source: { type: 'string' },
      'allow-unmatched': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.file) throw new UsageError('Thiếu --file TỆP. Xem: cchc import-survey --help');
    if (values.kind !== undefined && values.kind !== 'points' && values.kind !== 'responses')
      throw new UsageError(`--kind phải là points hoặc responses, không phải "${values.kind}".`);
    if (values.source !== undefined && values.source !== 'cbccvc' && values.source !== 'sipas')
      throw new UsageError(`--source phải là cbccvc hoặc sipas, không phải "${values.source}".`);
    const { db, cycleId } = openCycle(values.db, values.cycle, 'import-survey', 'write');
    try {
      const r = await importSurveyFile(db, cycleId, values.file, {
        ...(values.kind ? { kind: values.kind as SurveyImportKind } : {}),
        ...(values.source ? { source: values.source as SurveySource } : {}),
        allowUnmatched: values['allow-unmatched'] === true,
        commit: values['dry-run'] !== true,
        actor: 'cli',
      });
      io.out(json(r));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
