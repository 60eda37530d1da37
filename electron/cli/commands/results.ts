/**
 * `results`: compute, classify and rank the index from summary tables (or, later, from
 * a cycle in the database) and print it as JSON or as the report's tables.
 */
import { type UnitFigures, computeResults, DEFAULT_PRECISION } from '../../../shared/results/compute.ts';
import { GROUP_PRESET_CODES, type UnitGroupInfo, presetGroups } from '../../../shared/framework/groups.ts';
import { readSummaryFiles } from '../../core/summary/read.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { renderResultsJson, writeResultsJson } from '../render/json.ts';
import { renderResultsTable } from '../render/table.ts';
import { parseCommandArgs } from '../support.ts';
import { writeSummaryResultsJson } from './results-summary.ts';

export const RESULT_FORMATS = ['json', 'table'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export const MAX_PRECISION = 6;

export interface ResultsOutputOptions {
  readonly format: ResultFormat;
  readonly precision: number;
}

/**
 * The part shared by every source of figures: compute and render. Takes the units'
 * figures of one cycle, returns the text to print on stdout.
 */
export function renderResults(
  figures: readonly UnitFigures[],
  options: ResultsOutputOptions,
  groups?: readonly UnitGroupInfo[],
): string {
  const results = computeResults(
    figures,
    options.precision,
    groups?.map((g) => g.code),
  );
  return options.format === 'table' ? renderResultsTable(results, groups) : renderResultsJson(results);
}

const USAGE = `Cách dùng:
  cchc results --summary TỆP [--summary TỆP ...] [--format json|table] [--precision N]
  cchc results --db TỆP [--cycle MÃ] [--format json|table] [--precision N]

Tính Chỉ số CCHC, xếp nhóm và xếp hạng các cơ quan, đơn vị trong một kỳ đánh giá.

Tùy chọn:
  --summary TỆP   Bảng tổng hợp (.csv UTF-8 hoặc .xlsx, trang tính đầu tiên, dòng đầu là tiêu đề)
                  với các cột: unit (Đơn vị), group (Nhóm), benchmark_max (Điểm chuẩn tối đa),
                  self_assessed (Điểm tự đánh giá), survey_cbccvc (Khảo sát CBCCVC),
                  survey_sipas (Chỉ số SIPAS). Các cột khác được bỏ qua.
                  Nhóm: department, district, public_service_unit, central_agency
                  hoặc tên tiếng Việt (ví dụ "UBND cấp huyện").
                  Có thể lặp lại để gộp nhiều bảng vào một kỳ (xếp hạng chung).
  --db TỆP        Cơ sở dữ liệu của ứng dụng: tính lại từ kết quả thẩm định đã lưu.
  --cycle MÃ      Kỳ đánh giá trong cơ sở dữ liệu (bắt buộc khi có nhiều kỳ).
  --format        json (mặc định) hoặc table (bảng như trong báo cáo).
  --precision N   Số chữ số thập phân khi công bố Chỉ số (mặc định ${DEFAULT_PRECISION}, từ 0 đến ${MAX_PRECISION}).
  -h, --help      In hướng dẫn này.

Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

function parsePrecision(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PRECISION;
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > MAX_PRECISION) {
    throw new UsageError(`--precision phải là số nguyên từ 0 đến ${MAX_PRECISION}, không phải "${text}".`);
  }
  return Number(t);
}

function parseFormat(text: string | undefined): ResultFormat {
  if (text === undefined) return 'json';
  const f = text.trim().toLowerCase();
  if (!(RESULT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format phải là "json" hoặc "table", không phải "${text}".`);
  }
  return f as ResultFormat;
}

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const { values } = parseCommandArgs('results', args, {
      summary: { type: 'string', multiple: true },
      db: { type: 'string' },
      cycle: { type: 'string' },
      format: { type: 'string' },
      precision: { type: 'string' },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const options: ResultsOutputOptions = {
      format: parseFormat(values.format),
      precision: parsePrecision(values.precision),
    };
    const summaries = values.summary ?? [];
    if (summaries.length > 0 && values.db !== undefined)
      throw new UsageError('Chỉ dùng một nguồn: --summary hoặc --db, không dùng cả hai.');
    if (values.cycle !== undefined && values.db === undefined) throw new UsageError('--cycle chỉ dùng cùng với --db.');
    if (summaries.length === 0 && values.db === undefined) {
      throw new UsageError(
        'Thiếu nguồn dữ liệu: cần ít nhất một --summary TỆP (hoặc --db TỆP). Xem: cchc results --help',
      );
    }
    if (values.db === undefined && options.format === 'json') {
      // Summary tables of any size: read, computed and kept unit by unit (results-summary.ts).
      const order = presetGroups(GROUP_PRESET_CODES).map((g) => g.code);
      await writeSummaryResultsJson(summaries, options.precision, order, io);
      return 0;
    }
    // The store (better-sqlite3) loads only for --db: a summary table needs no database.
    const { figures, groups } =
      values.db !== undefined
        ? await (await import('./results-db.ts')).loadDbFigures(values.db, values.cycle)
        : { figures: await readSummaryFiles(summaries), groups: presetGroups(GROUP_PRESET_CODES) };
    if (options.format === 'json')
      writeResultsJson(
        computeResults(
          figures,
          options.precision,
          groups.map((g) => g.code),
        ),
        (text) => io.out(text),
      );
    else io.out(renderResults(figures, options, groups));
    return 0;
  },
};

export default command;
