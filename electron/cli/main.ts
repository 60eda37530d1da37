/**
 * The secretariat's command line: `cchc <command> [options]` (npm run -s cchc -- …).
 * See run.ts for the dispatcher and commands/index.ts for the commands.
 */
import type { CliIO } from './command.ts';
import { runCli } from './run.ts';

const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  drain: () =>
    process.stdout.writableNeedDrain
      ? new Promise<void>((done) => {
          const settle = () => {
            process.stdout.off('drain', settle).off('close', settle);
            done();
          };
          process.stdout.on('drain', settle).on('close', settle);
        })
      : Promise.resolve(),
};

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2), processIO);
