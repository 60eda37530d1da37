/**
 * Child process of crash.test.ts: imports the given packages into the given store, saying
 * "ready" just before it starts, then its outcomes. The parent kills it (SIGKILL) mid-way.
 *   node crash-child.mjs <db> <dataDir> <package>...
 */
import { openDatabase } from '../../electron/core/db/connection.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';

const [dbPath, dataDir, ...files] = process.argv.slice(2);
const db = openDatabase(dbPath!);
process.stdout.write('ready\n');
const t0 = performance.now();
const { outcomes } = importFiles(db, dataDir!, files, { actor: 'sec' });
const ms = performance.now() - t0;
db.close();
process.stdout.write(
  `${JSON.stringify({ ms, outcomes: outcomes.map((o) => ({ status: o.status, code: o.code, auditRows: o.auditRows, packageHash: o.packageHash })) })}\n`,
);
