/** `cycle-create`: a new cycle (kỳ đánh giá) with its groups and frameworks; prints {"cycleId": …}. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { GROUP_PRESET_CODES, type GroupPresetCode, isGroupPreset } from '../../../shared/framework/groups.ts';
import { openDatabase } from '../../core/db/connection.ts';
import type { FrameworkChoice, GroupInput } from '../../core/setup/cycle-groups.ts';
import { createCycle } from '../../core/setup/cycles.ts';
import { readFrameworkChoice } from '../../core/setup/framework-file.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { json, parseCommandArgs, requireOption } from '../support.ts';

const USAGE = `Cách dùng:
  cchc cycle-create --db TỆP --name TÊN --year NĂM --province TỈNH [--groups NHÓM,...]
                    [--precision N] [--decision VĂN_BẢN] [--council-decision VĂN_BẢN]
                    [--framework NHÓM=TỆP ...] [--from MÃ_KỲ [--take units|units,results]]
                    [--not-current] [--actor MÃ]

Tạo kỳ đánh giá mới (tạo cả cơ sở dữ liệu nếu chưa có) và in {"cycleId": …}.

  --groups          Các nhóm mẫu, theo thứ tự: ${GROUP_PRESET_CODES.join(', ')}
                    (mặc định: department,commune).
  --precision N     Số chữ số thập phân khi công bố (0–6, mặc định 2).
  --decision        Quyết định của UBND tỉnh ban hành Bộ chỉ số (biên bản trích dẫn).
  --council-decision  Quyết định thành lập Hội đồng thẩm định.
  --framework NHÓM=TỆP  Bộ tiêu chí của tỉnh cho một nhóm (.xlsx hoặc .json); mặc định bộ mẫu.
  --from MÃ_KỲ      Lấy từ một kỳ trước trong cùng cơ sở dữ liệu: --take units (danh sách đơn vị)
                    hoặc units,results (thêm kết quả kỳ đó làm kết quả năm trước; mặc định).
  --not-current     Không đặt kỳ mới làm kỳ hiện hành.

Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'cycle-create',
      args,
      {
        db: { type: 'string' },
        name: { type: 'string' },
        year: { type: 'string' },
        province: { type: 'string' },
        groups: { type: 'string' },
        precision: { type: 'string' },
        decision: { type: 'string' },
        'council-decision': { type: 'string' },
        framework: { type: 'string', multiple: true },
        from: { type: 'string' },
        take: { type: 'string' },
        'not-current': { type: 'boolean' },
        actor: { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0)
      throw new UsageError(`Lệnh "cycle-create" không nhận đối số "${positionals[0]}". Xem: cchc cycle-create --help`);
    const dbPath = resolve(requireOption('cycle-create', 'db', values.db));
    const name = requireOption('cycle-create', 'name', values.name);
    const province = requireOption('cycle-create', 'province', values.province);
    const yearText = requireOption('cycle-create', 'year', values.year);
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year phải là năm bốn chữ số, không phải "${yearText}".`);
    let precision: number | undefined;
    if (values.precision !== undefined) {
      if (!/^\d$/.test(values.precision))
        throw new UsageError(`--precision phải là số nguyên từ 0 đến 6, không phải "${values.precision}".`);
      precision = Number(values.precision);
    }
    const presets = (values.groups ?? 'department,commune')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const p of presets)
      if (!isGroupPreset(p))
        throw new UsageError(`Không có nhóm mẫu "${p}"; chọn trong: ${GROUP_PRESET_CODES.join(', ')}.`);
    const frameworks = new Map<string, FrameworkChoice>();
    for (const spec of values.framework ?? []) {
      const i = spec.indexOf('=');
      const group = spec.slice(0, i);
      if (i < 1 || !presets.includes(group))
        throw new UsageError(
          `--framework "${spec}": phải có dạng NHÓM=TỆP với NHÓM là một trong ${presets.join(', ')}.`,
        );
      if (!existsSync(spec.slice(i + 1)))
        throw new CodedFailure('SETUP_FILE_FORMAT', `Không tìm thấy tệp bộ tiêu chí “${spec.slice(i + 1)}”.`);
      frameworks.set(group, await readFrameworkChoice(spec.slice(i + 1)));
    }
    let takeFrom: { cycleId: string; units: boolean; results: boolean } | undefined;
    if (values.from !== undefined) {
      const take = (values.take ?? 'units,results').split(',').map((s) => s.trim());
      if (take.some((t) => t !== 'units' && t !== 'results') || !take.includes('units'))
        throw new UsageError('--take nhận "units" hoặc "units,results".');
      takeFrom = { cycleId: values.from, units: true, results: take.includes('results') };
    } else if (values.take !== undefined) throw new UsageError('--take cần --from MÃ_KỲ.');
    if (!existsSync(dirname(dbPath)))
      throw new CodedFailure('DB_FOLDER_MISSING', `Thư mục “${dirname(dbPath)}” không tồn tại.`);
    const groups: GroupInput[] = presets.map((p) => {
      const f = frameworks.get(p);
      return { preset: p as GroupPresetCode, ...(f ? { framework: f } : {}) };
    });
    const db = openDatabase(dbPath);
    try {
      const c = createCycle(
        db,
        {
          name,
          year: Number(yearText),
          province,
          ...(precision !== undefined ? { precision } : {}),
          decision: values.decision ?? '',
          councilDecision: values['council-decision'] ?? '',
          groups,
          makeCurrent: !values['not-current'],
          ...(takeFrom ? { takeFrom } : {}),
        },
        values.actor ?? 'cli',
      );
      io.out(json({ cycleId: c.id }));
    } finally {
      db.close();
    }
    return 0;
  },
};

export default command;
