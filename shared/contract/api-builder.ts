/** Builds the nested client object from method names. No zod: the preload bundles only this. */
import type { Result } from '../errors/codes.ts';
import { METHOD_NAME_PATTERN } from './define.ts';

export type UntypedSend = (method: string, input: unknown) => Promise<Result<unknown>>;

export function buildApiFrom(methods: readonly string[], send: UntypedSend): unknown {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of methods) {
    if (!METHOD_NAME_PATTERN.test(method)) throw new Error(`bad method name: ${method}`);
    const [ns, name] = method.split('.') as [string, string];
    const group = (api[ns] ??= {});
    group[name] = (input?: unknown) => send(method, input);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
