/**
 * `npm run -s cchc -- …`: runs the bundled CLI (dist/cli/main.js, built by build-cli.mjs).
 * When the bundle is missing, or one of its source files changed since it was built, it is
 * rebuilt first with esbuild (~0,5 s), so an edited source never runs stale. No transpiler
 * runs: the check (cli-stale.mjs) only stats the bundle's inputs, and esbuild loads only to
 * rebuild. Every millisecond here is paid by every command, `--help` included.
 */
import { fileURLToPath } from 'node:url';
import { cliBundleStaleIn } from './cli-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
if (cliBundleStaleIn(root)) await (await import('./build-cli.mjs')).buildCli();
await import('../dist/cli/main.js');
