// `node --import bench/support/report-rss.mjs …`: at exit, the process's peak resident set
// size on stderr as "CCHC_PEAK_RSS_KB <n>" (read by bench/cli.ts).
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nCCHC_PEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
