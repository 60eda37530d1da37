/**
 * `npm run -s cchc -- …`: runs the bundled CLI (dist/cli/main.js, built by build-cli.mjs).
 * When the bundle is missing, or one of its source files is newer than it, it is rebuilt
 * first with esbuild (~0,5 s), so an edited source never runs stale. No transpiler runs:
 * the check only stats the bundle's inputs, and esbuild loads only to rebuild.
 */
import { pathToFileURL } from 'node:url';
import { CLI_MAIN, buildCli, cliBundleStale } from './build-cli.mjs';

if (cliBundleStale()) await buildCli();
await import(pathToFileURL(CLI_MAIN).href);
