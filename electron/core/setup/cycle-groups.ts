import {
  GROUP_PRESETS,
  type GroupPresetCode,
  type UnitGroupInfo,
  isGroupCode,
  isGroupPreset,
} from '../../../shared/framework/groups.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { validateFramework } from '../../../shared/framework/validate.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { putFramework, setCycleFramework } from '../db/repos/frameworks.ts';
import { putCycleGroup } from '../db/repos/groups.ts';
import { frameworkHash } from '../framework/hash.ts';
import { setupFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';

/** A group of a new cycle: a preset, or the cycle's own (code, labels, fields). */
export type GroupInput =
  | { readonly preset: GroupPresetCode; readonly framework?: FrameworkChoice }
  | {
      readonly code: string;
      readonly label: string;
      readonly shortLabel: string;
      readonly fields?: readonly string[];
      readonly framework?: FrameworkChoice;
    };

/** The preset's sample (default), or a framework the province imported (read from .xlsx/.json by the caller). */
export type FrameworkChoice =
  | { readonly kind: 'sample' }
  | { readonly kind: 'imported'; readonly framework: Framework; readonly file: string; readonly sha256: string };

/** A text field of the form: NFC, spaces collapsed, required and length checked. */
export const text = (name: string, v: unknown, max: number, required: boolean): string => {
  const s = typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (typeof v !== 'string' && v !== undefined)
    throw setupFailure(E.BAD_TEXT, `“${name}” phải là văn bản.`, { field: name });
  if (required && s === '') throw setupFailure(E.BAD_CYCLE, `Chưa nhập ${name}.`, { field: name });
  if (s.length > max) throw setupFailure(E.BAD_TEXT, `${name} dài quá ${max} ký tự.`, { field: name });
  return s;
};

/** A sample framework re-targeted to a cycle's own group code (its nodes for `from` now apply to `code`). */
export function retarget(f: Framework, code: string): Framework {
  if (f.group === code) return f;
  return {
    ...f,
    group: code,
    nodes: f.nodes.filter((n) => n.groups.includes(f.group)).map((n) => ({ ...n, groups: [code] })),
  };
}

export function fieldCodes(f: Framework, group: string): string[] {
  return f.nodes.filter((n) => n.parent === null && n.groups.includes(group)).map((n) => n.code);
}

export interface ResolvedGroup {
  readonly info: UnitGroupInfo;
  readonly framework: Framework;
  readonly source: { file: string; sha256: string } | null;
}

export function resolveGroups(
  inputs: readonly GroupInput[],
  samples: () => Record<GroupPresetCode, Framework>,
): ResolvedGroup[] {
  if (inputs.length === 0) throw setupFailure(E.NO_GROUPS, 'Kỳ đánh giá cần ít nhất một nhóm cơ quan, đơn vị.');
  const seen = new Set<string>();
  const labels = new Set<string>();
  return inputs.map((g, i) => {
    let info: Omit<UnitGroupInfo, 'sortOrder' | 'fields'> & { fields?: readonly string[] };
    let sample: Framework;
    if ('preset' in g) {
      if (!isGroupPreset(g.preset)) {
        throw setupFailure(
          E.BAD_GROUP,
          `Không có nhóm mẫu “${String(g.preset)}”; các nhóm mẫu: ${Object.keys(GROUP_PRESETS).join(', ')}.`,
          { group: String(g.preset) },
        );
      }
      info = GROUP_PRESETS[g.preset];
      sample = samples()[g.preset];
    } else {
      if (!isGroupCode(g.code)) {
        throw setupFailure(
          E.BAD_GROUP,
          `Mã nhóm “${g.code}” không hợp lệ: chỉ chữ thường không dấu, chữ số và “_”, bắt đầu bằng chữ, tối đa 40 ký tự.`,
          { group: g.code },
        );
      }
      const label = text('tên nhóm', g.label, 200, true);
      const shortLabel = text('tên ngắn của nhóm', g.shortLabel, 60, false) || label;
      info = { code: g.code, label, shortLabel, ...(g.fields ? { fields: g.fields } : {}) };
      sample = retarget(samples().department, g.code);
    }
    if (seen.has(info.code))
      throw setupFailure(E.DUPLICATE_GROUP, `Nhóm “${info.code}” được chọn hai lần.`, { group: info.code });
    if (labels.has(info.label))
      throw setupFailure(E.DUPLICATE_GROUP, `Hai nhóm cùng tên “${info.label}”.`, { group: info.code });
    seen.add(info.code);
    labels.add(info.label);
    const choice = g.framework ?? { kind: 'sample' };
    const framework = choice.kind === 'sample' ? sample : checkFramework(choice.framework, info.code, choice.file);
    const available = fieldCodes(framework, info.code);
    const fields = info.fields && info.fields.length > 0 ? [...info.fields] : available;
    const unknown = fields.filter((f) => !available.includes(f));
    if (unknown.length > 0) {
      throw setupFailure(
        E.UNKNOWN_FIELD,
        `Nhóm “${info.label}”: bộ tiêu chí không có lĩnh vực ${unknown.join(', ')} (có: ${available.join(', ')}).`,
        { group: info.code },
      );
    }
    return {
      info: {
        code: info.code,
        label: info.label,
        shortLabel: info.shortLabel,
        sortOrder: i + 1,
        fields: fields.filter((f) => available.includes(f)),
      },
      framework,
      source: choice.kind === 'imported' ? { file: choice.file, sha256: choice.sha256 } : null,
    };
  });
}

export function checkFramework(f: Framework, group: string, file: string): Framework {
  if (f.group !== group) {
    throw setupFailure(
      E.FRAMEWORK_GROUP,
      `Tệp ${file} là bộ tiêu chí của nhóm “${f.group}”, không phải của nhóm “${group}”.`,
      { file, group },
    );
  }
  const errors = validateFramework(f);
  if (errors.length > 0)
    throw setupFailure(E.FRAMEWORK_INVALID, `Tệp ${file}: ${errors[0]!.message}`, { file, cause: errors[0]!.code });
  return f;
}

export function storeGroup(db: Db, cycleId: string, g: ResolvedGroup, actor: string, at: string): void {
  putCycleGroup(db, cycleId, g.info);
  const hash = frameworkHash(g.framework);
  putFramework(db, hash, g.framework);
  setCycleFramework(db, cycleId, g.info.code, hash);
  appendAudit(db, {
    actor,
    action: 'setup.group',
    entity: 'cycle_group',
    entityId: `${cycleId}/${g.info.code}`,
    after: {
      ...g.info,
      framework: { hash, name: g.framework.name, sample: g.framework.sample },
      file: g.source?.file ?? null,
      fileSha256: g.source?.sha256 ?? null,
    },
    at,
  });
}
