/**
 * The router every transport goes through: method name → input validated against the
 * contract → handler → output (validated in development and tests) → Result as data.
 * No electron import: the Electron main process, the HTTP harness and tests share it.
 */
import type { z } from 'zod';
import { CodedFailure, type Result } from '../../shared/errors/codes.ts';
import {
  CONTRACT_ERRORS,
  contract,
  findMethod,
  type ContractOutput,
  type HandlerInput,
  type MethodName,
} from '../../shared/contract/index.ts';
import type { HandlerContext } from './context.ts';

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: HandlerInput<M>,
) => ContractOutput<M> | Promise<ContractOutput<M>>;

/** A handler for every contract method (enforced where the registry is declared). */
export type Handlers = { readonly [M in MethodName]: Handler<M> };

export interface RouterOptions {
  /** The context handed to handlers; a function is called once per request. */
  readonly context: HandlerContext | (() => HandlerContext);
  /** Validate handler outputs against the contract (default: unless NODE_ENV is 'production'). */
  readonly validateOutput?: boolean;
  /** Where internal errors are logged (default: stderr). */
  readonly log?: (message: string) => void;
}

export interface Router {
  call(method: string, rawInput: unknown): Promise<Result<unknown>>;
}

function failure(
  code: keyof typeof CONTRACT_ERRORS,
  details?: Record<string, string | number | boolean | null>,
): Result<never> {
  const error = details ? { code, message: CONTRACT_ERRORS[code], details } : { code, message: CONTRACT_ERRORS[code] };
  return { ok: false, error };
}

/** "name, role" from zod issues: which fields were refused (never their values). */
function issueFields(error: z.ZodError): string {
  const fields = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    fields.add(path || '(toàn bộ)');
  }
  return [...fields].join(', ');
}

function defaultLog(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function createRouter(handlers: Partial<Handlers>, options: RouterOptions): Router {
  const validateOutput = options.validateOutput ?? process.env.NODE_ENV !== 'production';
  const log = options.log ?? defaultLog;
  const table = handlers as Partial<Record<string, (ctx: HandlerContext, input: unknown) => unknown>>;

  return {
    async call(method, rawInput) {
      const spec = typeof method === 'string' ? findMethod(contract, method) : undefined;
      if (!spec) return failure('UNKNOWN_METHOD', { method: String(method).slice(0, 100) });
      const handler = Object.hasOwn(table, method) ? table[method] : undefined;
      if (!handler) return failure('NOT_IMPLEMENTED', { method });

      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) {
        const fields = issueFields(parsed.error);
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: `${CONTRACT_ERRORS.INVALID_INPUT} Trường không hợp lệ: ${fields}.`,
            details: { method, fields },
          },
        };
      }

      let value: unknown;
      try {
        const ctx = typeof options.context === 'function' ? options.context() : options.context;
        value = await handler(ctx, parsed.data);
      } catch (e) {
        if (e instanceof CodedFailure) return { ok: false, error: e.toCoded() };
        log(`[cchc] ${method}: lỗi nội bộ: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return failure('INTERNAL_ERROR');
      }

      if (validateOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          log(`[cchc] ${method}: kết quả trái hợp đồng: ${issueFields(out.error)}: ${out.error.message}`);
          return failure('INTERNAL_ERROR');
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    },
  };
}
