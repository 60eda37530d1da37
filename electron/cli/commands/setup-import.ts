/**
 * What `import-units` and `import-roster` share: --db, --cycle, one list file, --dry-run
 * (preview only, nothing written), the preview printed as JSON. Not a command itself.
 */
import { existsSync } from 'node:fs';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../../core/db/connection.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { json, parseCommandArgs, requireOption } from '../support.ts';
import { openExisting, setupCycleOf } from '../store.ts';

export function listImportCommand(
  name: string,
  usage: string,
  run: (db: Db, cycleId: string, file: string, options: { dryRun: boolean; actor: string }) => Promise<unknown>,
): CliCommand {
  return {
    usage,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(
        name,
        args,
        {
          db: { type: 'string' },
          cycle: { type: 'string' },
          'dry-run': { type: 'boolean' },
          actor: { type: 'string' },
        },
        { files: true },
      );
      if (values.help) return void io.out(usage);
      const dbPath = requireOption(name, 'db', values.db);
      if (positionals.length !== 1)
        throw new UsageError(`Lệnh "${name}" cần đúng một tệp .xlsx hoặc .csv. Xem: cchc ${name} --help`);
      const file = positionals[0]!;
      if (!existsSync(file)) throw new CodedFailure('SETUP_FILE_FORMAT', `Không tìm thấy tệp “${file}”.`, { file });
      const db = openExisting(dbPath);
      try {
        const preview = await run(db, setupCycleOf(db, values.cycle, dbPath, io), file, {
          dryRun: values['dry-run'] === true,
          actor: values.actor ?? 'cli',
        });
        io.out(json(preview));
      } finally {
        db.close();
      }
      return 0;
    },
  };
}
