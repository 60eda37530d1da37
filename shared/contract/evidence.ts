/** `evidence.*`: opening an evidence document (tài liệu kiểm chứng) of the open cycle. */
import { z } from 'zod';
import { defineMethod } from './define.ts';

const EvidenceOpenInput = z.strictObject({
  evidenceId: z.number().int().positive(),
  /** The page to show (a PDF viewer honours #page=N; the system viewer opens the first page). */
  page: z.number().int().positive().max(100000).nullable().optional(),
});

const EvidenceOpened = z.strictObject({
  /**
   * Browser harness: the address to open in a new tab (a short-lived ticket in the query,
   * `#page=N` at the end). null: the platform has opened the file with the system viewer.
   */
  url: z.string().nullable(),
});
export const evidence = {
  open: defineMethod({ input: EvidenceOpenInput, output: EvidenceOpened }),
};
