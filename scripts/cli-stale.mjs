/**
 * Whether the CLI bundle (dist/cli) must be rebuilt before it runs: it is missing, or one of
 * its source files changed since the build started. dist/cli/inputs.json, written by
 * build-cli.mjs, holds the build's start time and the list of its inputs (paths relative to
 * the project, with /). The check stats each input once (~230 files, a few ms) and loads
 * nothing but node:fs: scripts/cchc.mjs runs it before every command.
 *
 * Edits are seen through mtimes (a bundled package's through its package.json's change time). They are compared with the time the build STARTED (an
 * edit saved during a build marks it stale), less a 2 s margin for file systems whose mtimes
 * are coarse (FAT: 2 s): a source saved within 2 s before a build leaves that bundle stale
 * for one more rebuild, never the other way round.
 */
import { readFileSync, statSync } from 'node:fs';

export const STALE_MARGIN_MS = 2000;

/** @param {string} root the project folder (with no trailing separator) */
export function cliBundleStaleIn(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(`${root}/dist/cli/inputs.json`, 'utf8'));
    if (!statSync(`${root}/dist/cli/main.js`, { throwIfNoEntry: false })) return true;
  } catch {
    return true;
  }
  if (typeof stamp?.started !== 'number' || !Array.isArray(stamp.files)) return true;
  const since = stamp.started - STALE_MARGIN_MS;
  for (const file of stamp.files) {
    const s = statSync(`${root}/${file}`, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > since) return true;
    // A bundled package's package.json (see build-cli.mjs): installed files may keep the
    // tarball's old mtimes, so a reinstallation is seen by the change time too.
    if (file.includes('node_modules/') && s.ctimeMs > since) return true;
  }
  return false;
}
