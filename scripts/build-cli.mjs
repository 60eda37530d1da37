/**
 * Bundles the secretariat's CLI (electron/cli/main.ts) with esbuild into dist/cli/:
 * main.js plus one chunk per lazily loaded command (code splitting), ES modules for
 * Node 20. Every npm package but zod stays external, loaded from node_modules only by
 * the command that imports it (better-sqlite3, exceljs, playwright-core…).
 * dist/cli/inputs.json holds the build's start time and the source files of the bundle:
 * scripts/cchc.mjs and the tests' globalSetup rebuild when one of them changed since
 * (cli-stale.mjs).
 *
 *   node scripts/build-cli.mjs             always (npm run build:cli; `prepare`, run by npm ci)
 *   node scripts/build-cli.mjs --if-stale  only when missing or stale (the tests' globalSetup)
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundleStaleIn } from './cli-stale.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(ROOT, 'dist', 'cli');
export const CLI_MAIN = join(CLI_DIR, 'main.js');

/**
 * Packages left to node_modules, loaded by the commands that import them: all but zod.
 * zod is bundled: from node_modules it loads as ~100 ES modules, which costs a command that
 * validates a file (results reads the sample frameworks) about twice the time of one chunk.
 */
const BUNDLED = new Set(['zod']);
function externalPackages() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !BUNDLED.has(name));
}

/**
 * The inputs the freshness check stats: the sources, and for a bundled package its
 * package.json only: npm writes every file of a package when it installs it, and
 * cli-stale.mjs also reads that file's change time, since a package may be extracted with
 * the tarball's old mtimes (npm packs them as 1985-10-26).
 */
function stampedInputs(inputs) {
  const files = new Set();
  for (const p of inputs) {
    const file = relative(ROOT, resolve(ROOT, p)).replaceAll('\\', '/');
    const pkg = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
    files.add(pkg ? `${pkg[1]}/package.json` : file);
  }
  return [...files];
}

/** Builds into a fresh temporary folder, then swaps it in place of dist/cli. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const started = Date.now();
  const tmp = join(ROOT, 'dist', `cli.tmp-${process.pid}-${Date.now()}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { main: 'electron/cli/main.ts' },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: externalPackages(),
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
    });
    const files = stampedInputs(Object.keys(result.metafile.inputs));
    writeFileSync(join(tmp, 'inputs.json'), `${JSON.stringify({ started, files })}\n`);
    rmSync(CLI_DIR, { recursive: true, force: true });
    renameSync(tmp, CLI_DIR);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return CLI_MAIN;
}

/** Whether dist/cli is missing or older than one of its inputs (see cli-stale.mjs). */
export function cliBundleStale() {
  return cliBundleStaleIn(ROOT);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || cliBundleStale()) await buildCli();
}
