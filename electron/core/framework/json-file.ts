import { FRAMEWORK_IMPORT_ERRORS } from '../../../shared/errors/catalogue.ts';
import { writeFileSync } from 'node:fs';
import { FileReadError, describeFileProblem, readRegularFile } from '../files/regular.ts';
import { type CodedError, type Result, fail, ok } from '../../../shared/errors/codes.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { validateFramework } from '../../../shared/framework/validate.ts';

import { MAX_IMPORT_BYTES, frameworkSchema, issueText, pathText, refuse } from './file-schema.ts';

// ---------------------------------------------------------------- JSON

/** Pretty JSON of the framework (the same shape as resources/frameworks/*.json). */
export function frameworkToJson(f: Framework): string {
  const nodes = f.nodes.map((n) => ({
    code: n.code,
    parent: n.parent,
    title: n.title,
    maxPoints: n.maxPoints,
    ...(n.scoring ? { scoring: n.scoring } : {}),
    groups: [...n.groups],
    exemptable: n.exemptable,
    guide: n.guide,
    evidence: n.evidence,
  }));
  return `${JSON.stringify({ name: f.name, year: f.year, group: f.group, sample: f.sample, nodes }, null, 2)}\n`;
}

export function validated(
  f: Framework,
  where: (node: string | undefined, code: string) => { row?: number; column?: string; prefix: string },
): Result<Framework> {
  const errors = validateFramework(f);
  if (errors.length === 0) return ok(f);
  return refuse(
    errors.map((e: CodedError) => {
      const node = typeof e.details?.['node'] === 'string' ? (e.details['node'] as string) : undefined;
      const at = where(node, e.code);
      return {
        code: FRAMEWORK_IMPORT_ERRORS.INVALID,
        message: `${at.prefix}${e.message} [${e.code}]`,
        ...(at.row !== undefined ? { row: at.row } : {}),
        ...(at.column !== undefined ? { column: at.column } : {}),
      };
    }),
  );
}

/** Parses and validates a framework from JSON text. */
export function parseFrameworkJson(text: string): Result<Framework> {
  if (text.length > MAX_IMPORT_BYTES) {
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(FRAMEWORK_IMPORT_ERRORS.JSON, `Tệp không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    return refuse(
      parsed.error.issues.map((i) => ({
        code: FRAMEWORK_IMPORT_ERRORS.SCHEMA,
        message: `Trường ${pathText(i.path)}: ${issueText(i)}.`,
      })),
    );
  }
  const f = parsed.data as Framework;
  const index = new Map(f.nodes.map((n, i) => [n.code, i]));
  return validated(f, (node) => ({
    prefix: node !== undefined && index.has(node) ? `Trường nodes[${index.get(node)}]: ` : '',
  }));
}

export function writeFrameworkJsonFile(path: string, f: Framework): void {
  writeFileSync(path, frameworkToJson(f), 'utf8');
}

export function frameworkReadFailure(path: string, e: unknown): Result<never> {
  if (e instanceof FileReadError && e.problem.kind === 'too_large')
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  const why = e instanceof FileReadError ? describeFileProblem(e.problem) : (e as Error).message;
  return fail(FRAMEWORK_IMPORT_ERRORS.FILE, `Không đọc được tệp ${path}: ${why}`);
}

export function readFrameworkJsonFile(path: string): Result<Framework> {
  try {
    return parseFrameworkJson(readRegularFile(path, MAX_IMPORT_BYTES).toString('utf8'));
  } catch (e) {
    return frameworkReadFailure(path, e);
  }
}
