/**
 * The esbuild settings of the Electron main process and the preload, used by `npm run build`
 * (build.ts) and by the smoke test that loads the built main bundle under Node.
 * better-sqlite3 stays external: it is a native module, rebuilt for Electron by `prestart`.
 */
import { build, type BuildOptions } from 'esbuild';
import { contract, listMethods } from '../../shared/contract/index.ts';

const common: BuildOptions & { define: Record<string, string> } = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['electron'],
};

export async function bundleMain(outfile: string): Promise<void> {
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
  });
}

export async function bundlePreload(outfile: string): Promise<void> {
  await build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile,
    platform: 'browser',
    target: 'chrome140',
    define: { ...common.define, __CCHC_METHODS__: JSON.stringify(listMethods(contract)) },
  });
}
