/**
 * `npm run build`: bundles the Electron main process and the preload with esbuild into
 * dist/electron/{main,preload}.cjs (the renderer is built by vite into dist/renderer).
 */
import { bundleMain, bundlePreload } from './bundle.ts';

await bundleMain('dist/electron/main.cjs');
await bundlePreload('dist/electron/preload.cjs');
