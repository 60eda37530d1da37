import { extname, resolve } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { GROUP_PRESET_CODES, isGroupCode, isGroupPreset } from '../../../shared/framework/groups.ts';
import { openDatabase, tx } from '../../core/db/connection.ts';
import { appendAudit } from '../../core/db/repos/audit.ts';
import { listCycles } from '../../core/db/repos/cycles.ts';
import { cycleFrameworks, putFramework, setCycleFramework } from '../../core/db/repos/frameworks.ts';
import { loadDefaultFrameworks } from '../../core/framework/defaults.ts';
import { frameworkHash } from '../../core/framework/hash.ts';
import { readFrameworkJsonFile, writeFrameworkJsonFile } from '../../core/framework/json-file.ts';
import { readFrameworkXlsxFile } from '../../core/framework/xlsx-read.ts';
import { writeFrameworkXlsxFile } from '../../core/framework/xlsx-write.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { pickCycle } from './results-db.ts';
import { parseCommandArgs, json } from '../support.ts';

const USAGE = `Cách dùng:
  cchc framework export --group NHÓM [--db TỆP [--cycle MÃ]] --out TỆP.xlsx|TỆP.json
  cchc framework import TỆP.xlsx|TỆP.json [--db TỆP [--cycle MÃ]]

Xuất hoặc nhập bộ tiêu chí (mỗi dòng một tiêu chí: mã, mã cha, tên, điểm tối đa, cách chấm
và tham số, nhóm đơn vị, được hạ điểm chuẩn, hướng dẫn chấm, tài liệu kiểm chứng).
Bộ tiêu chí được nhận diện bằng mã băm SHA-256 của nội dung chuẩn hóa.

  --group NHÓM   mã nhóm: department | district | public_service_unit | central_agency | commune
                 (bộ tiêu chí mẫu), hoặc mã nhóm của kỳ khi có --db
  --db TỆP       Cơ sở dữ liệu: xuất bộ tiêu chí của kỳ đánh giá; nhập và áp dụng cho kỳ.
  --cycle MÃ     Kỳ đánh giá (khi cơ sở dữ liệu có nhiều kỳ).
  --out TỆP      Tệp kết quả (.xlsx hoặc .json).`;

function formatOf(path: string): 'xlsx' | 'json' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json') return 'json';
  throw new UsageError(`Tệp “${path}” phải có đuôi .xlsx hoặc .json.`);
}

function withDb<T>(dbPath: string, mode: 'read' | 'write', fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(dbPath, { mode });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const command: CliCommand = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.out(USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'export') {
      const { values } = parseCommandArgs('framework', rest, {
        group: { type: 'string' },
        db: { type: 'string' },
        cycle: { type: 'string' },
        out: { type: 'string' },
      });
      if (values.help) return (io.out(USAGE), 0);
      if (!isGroupCode(values.group))
        throw new UsageError(`--group phải là mã nhóm đơn vị (ví dụ ${GROUP_PRESET_CODES.join(', ')}).`);
      if (!values.out) throw new UsageError('Thiếu --out TỆP.');
      const group = values.group;
      const framework: Framework = values.db
        ? withDb(values.db, 'read', (db) => {
            const cycleId = pickCycle(listCycles(db), values.cycle, values.db!);
            const f = cycleFrameworks(db, cycleId).find((c) => c.group === group);
            if (!f)
              throw new CodedFailure(
                'FRAMEWORK_MISSING',
                `Kỳ đánh giá “${cycleId}” chưa có bộ tiêu chí cho nhóm ${group}.`,
              );
            return f.framework;
          })
        : isGroupPreset(group)
          ? loadDefaultFrameworks()[group]
          : (() => {
              throw new UsageError(
                `Không có bộ tiêu chí mẫu cho nhóm “${group}”; dùng --db và --cycle để xuất bộ tiêu chí của một kỳ, hoặc một nhóm mẫu: ${GROUP_PRESET_CODES.join(', ')}.`,
              );
            })();
      const out = resolve(values.out);
      if (formatOf(out) === 'xlsx') await writeFrameworkXlsxFile(out, framework);
      else writeFrameworkJsonFile(out, framework);
      io.out(json({ out, group, hash: frameworkHash(framework), nodes: framework.nodes.length }));
      return 0;
    }
    if (sub === 'import') {
      const file = rest[0];
      if (!file || file.startsWith('-'))
        throw new UsageError('Thiếu TỆP bộ tiêu chí cần nhập. Xem: cchc framework --help');
      const { values } = parseCommandArgs('framework', rest.slice(1), {
        db: { type: 'string' },
        cycle: { type: 'string' },
      });
      const f = formatOf(file) === 'xlsx' ? await readFrameworkXlsxFile(file) : readFrameworkJsonFile(file);
      const hash = frameworkHash(f);
      if (values.db) {
        withDb(values.db, 'write', (db) => {
          const cycleId = pickCycle(listCycles(db), values.cycle, values.db!);
          tx(db, () => {
            const before = cycleFrameworks(db, cycleId).find((c) => c.group === f.group)?.hash ?? null;
            putFramework(db, hash, f);
            setCycleFramework(db, cycleId, f.group, hash);
            appendAudit(db, {
              actor: 'cli',
              action: 'framework.import',
              entity: 'cycle_framework',
              entityId: `${cycleId}/${f.group}`,
              before: { hash: before },
              after: { hash, name: f.name },
            });
          });
        });
      }
      io.out(
        json({
          hash,
          name: f.name,
          group: f.group,
          year: f.year,
          sample: f.sample,
          nodes: f.nodes.length,
          stored: Boolean(values.db),
        }),
      );
      return 0;
    }
    throw new UsageError(`Lệnh con “${sub}” không có; dùng export hoặc import. Xem: cchc framework --help`);
  },
};

export default command;
