// Module resolution hooks (see block-heavy.mjs).
const BLOCKED = ['better-sqlite3', 'exceljs', 'playwright-core'];

export async function resolve(specifier, context, next) {
  if (BLOCKED.some((b) => specifier === b || specifier.startsWith(`${b}/`))) {
    throw new Error(`HEAVY_MODULE_LOADED: ${specifier}`);
  }
  return next(specifier, context);
}
