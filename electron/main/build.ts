/**
 * `npm run build`: bundles the Electron main process and the preload with esbuild into
 * dist/electron/{main,preload}.cjs (the renderer is built by vite into dist/renderer).
 * better-sqlite3 stays external: it is a native module, rebuilt for Electron by `prestart`
 * (see electron/main/main.ts: `npm rebuild better-sqlite3` restores the Node build after).
 */
import { build, type BuildOptions } from 'esbuild';
import { contract, listMethods } from '../../shared/contract/index.ts';

const common: BuildOptions & { define: Record<string, string> } = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['electron'],
};

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
});

await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  target: 'chrome140',
  define: { ...common.define, __CCHC_METHODS__: JSON.stringify(listMethods(contract)) },
});
