/** `app.*`: facts about the running application. */
import { z } from 'zod';
import { defineMethod } from './define.ts';
import { NoInput } from './common.ts';

const TRANSPORTS = ['electron', 'http'] as const;
export const TransportName = z.enum(TRANSPORTS);
export type TransportName = z.infer<typeof TransportName>;

export const AppInfo = z.strictObject({
  version: z.string(),
  transport: TransportName,
  /** The data folder, for display (home folder shortened to ~). */
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const app = {
  info: defineMethod({ input: NoInput, output: AppInfo }),
  /** Puts the demo cycle ("Dữ liệu minh họa") into the store if absent and opens it (first run, an empty machine). */
  openDemo: defineMethod({
    input: NoInput,
    output: z.strictObject({ cycleId: z.string(), created: z.boolean() }),
    mutates: true,
  }),
};
