/**
 * Unit groups (nhóm cơ quan, đơn vị) belong to a cycle: each cycle says which groups it
 * assesses, how tables and documents name them, in which order, and which fields each is
 * appraised on. The presets below are only starting points for a new cycle (and the demo's
 * 2023 set); nothing else in the app lists groups.
 */

/** A group as a cycle defines it. */
export interface UnitGroupInfo {
  /** Stable code: lower-case ASCII letters, digits and "_" ("department", "commune"). */
  readonly code: string;
  /** The label in tables and documents ("UBND xã, phường, đặc khu"). */
  readonly label: string;
  /** A short label for tabs, sheet names and charts ("Cấp xã"). */
  readonly shortLabel: string;
  readonly sortOrder: number;
  /** Field codes the group is appraised on ("1" … "8"). */
  readonly fields: readonly string[];
}

export const GROUP_CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export function isGroupCode(v: unknown): v is string {
  return typeof v === 'string' && GROUP_CODE_PATTERN.test(v);
}

/**
 * How a sentence names the units of a group: the label with its first letter in lower case,
 * unless the first word is an abbreviation ("sở, ban, ngành tỉnh"; "UBND xã, phường, đặc khu").
 */
export function groupNoun(label: string): string {
  const first = label.split(/[\s,]/, 1)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase('vi')) return label;
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

export type GroupPresetCode = 'department' | 'district' | 'public_service_unit' | 'central_agency' | 'commune';

const ALL_FIELDS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

/** Presets for a new cycle; the 2023 cycle used the first four, cycles from 2025 use communes instead of districts. */
export const GROUP_PRESETS: Readonly<Record<GroupPresetCode, Omit<UnitGroupInfo, 'sortOrder'>>> = {
  department: { code: 'department', label: 'Sở, ban, ngành tỉnh', shortLabel: 'Sở, ban, ngành', fields: ALL_FIELDS },
  district: { code: 'district', label: 'UBND cấp huyện', shortLabel: 'UBND cấp huyện', fields: ALL_FIELDS },
  public_service_unit: {
    code: 'public_service_unit',
    label: 'Đơn vị sự nghiệp công lập tỉnh',
    shortLabel: 'ĐVSN công lập',
    fields: ['1', '4', '5', '6', '7', '8'],
  },
  central_agency: {
    code: 'central_agency',
    label: 'Cơ quan Trung ương đặt tại tỉnh',
    shortLabel: 'Cơ quan TW',
    fields: ['1', '3', '7', '8'],
  },
  commune: { code: 'commune', label: 'UBND xã, phường, đặc khu', shortLabel: 'Cấp xã', fields: ALL_FIELDS },
};

export const GROUP_PRESET_CODES = Object.keys(GROUP_PRESETS) as GroupPresetCode[];

export function isGroupPreset(v: unknown): v is GroupPresetCode {
  return typeof v === 'string' && Object.hasOwn(GROUP_PRESETS, v);
}

/** The 2023 set (the demo's), in the report's order. */
export const GROUPS_2023: readonly GroupPresetCode[] = [
  'department',
  'district',
  'public_service_unit',
  'central_agency',
];

/** The presets named, in the order given, numbered from 1. */
export function presetGroups(codes: readonly GroupPresetCode[]): UnitGroupInfo[] {
  return codes.map((c, i) => ({ ...GROUP_PRESETS[c], sortOrder: i + 1 }));
}

/** A label lookup over a cycle's groups that falls back to the code for a group it does not know. */
export function groupLabeller(groups: readonly UnitGroupInfo[]): {
  label(code: string): string;
  short(code: string): string;
  order(code: string): number;
} {
  const by = new Map(groups.map((g) => [g.code, g]));
  return {
    label: (code) => by.get(code)?.label ?? code,
    short: (code) => by.get(code)?.shortLabel ?? code,
    order: (code) => by.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER,
  };
}
