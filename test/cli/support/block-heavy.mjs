// `node --import ./block-heavy.mjs …`: every import of better-sqlite3, exceljs or playwright-core
// fails, so a command that runs under it proves that it never loads them.
import { register } from 'node:module';

register('./block-heavy-hooks.mjs', import.meta.url);
