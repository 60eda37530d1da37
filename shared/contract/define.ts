/**
 * How a contract method is declared: once, with zod schemas for what goes in and what
 * comes out. Both transports (Electron IPC, loopback HTTP), the router and the typed
 * client functions are derived from these declarations.
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Validated by the router before the handler runs. */
  readonly input: I;
  /** Validated by the router in development and tests. */
  readonly output: O;
  /** True when the method writes something: drives the "Đang lưu… / Đã lưu" indicator. */
  readonly mutates: boolean;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  mutates?: boolean;
}): MethodSpec<I, O> {
  return Object.freeze({ input: spec.input, output: spec.output, mutates: spec.mutates ?? false });
}

/** A contract: namespaces (`session`, `dossier`, …) of methods (`get`, `setIdentity`, …). */
export type ContractShape = Readonly<Record<string, Readonly<Record<string, MethodSpec>>>>;

/** 'ns.method' for every method of a contract. */
export type MethodNameOf<C extends ContractShape> = {
  [N in keyof C & string]: `${N}.${keyof C[N] & string}`;
}[keyof C & string];

export type SpecOf<C extends ContractShape, M extends MethodNameOf<C>> = M extends `${infer N}.${infer K}`
  ? N extends keyof C
    ? K extends keyof C[N]
      ? C[N][K]
      : never
    : never
  : never;

/** Method names are `namespace.method`, both camelCase identifiers. */
export const METHOD_NAME_PATTERN = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

/** Looks a method up without ever touching the prototype chain (`__proto__`, `constructor`). */
export function findMethod(contract: ContractShape, method: string): MethodSpec | undefined {
  if (!METHOD_NAME_PATTERN.test(method)) return undefined;
  const dot = method.indexOf('.');
  const ns = method.slice(0, dot);
  const name = method.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const group = contract[ns]!;
  if (!Object.hasOwn(group, name)) return undefined;
  return group[name];
}

/** Every method name of a contract, in declaration order. */
export function listMethods<C extends ContractShape>(contract: C): MethodNameOf<C>[] {
  const out: string[] = [];
  for (const ns of Object.keys(contract)) {
    for (const name of Object.keys(contract[ns]!)) out.push(`${ns}.${name}`);
  }
  return out as MethodNameOf<C>[];
}
