/**
 * The typed client API (`api.session.get()`, `api.dossier.get({…})`), built from the
 * contract over any `send` function. The preload builds it over IPC, the renderer over
 * HTTP; callers cannot tell them apart.
 */
import type { Result } from '../errors/codes.ts';
import { contract, type Contract, type ContractInput, type ContractOutput, type MethodName } from './contract.ts';
import { listMethods } from './define.ts';
import { buildApiFrom, type UntypedSend } from './api-builder.ts';

type ClientFn<M extends MethodName> =
  undefined extends ContractInput<M>
    ? (input?: ContractInput<M>) => Promise<Result<ContractOutput<M>>>
    : (input: ContractInput<M>) => Promise<Result<ContractOutput<M>>>;

export type ContractApi = {
  readonly [N in keyof Contract & string]: {
    readonly [K in keyof Contract[N] & string]: `${N}.${K}` extends MethodName ? ClientFn<`${N}.${K}`> : never;
  };
};

export type Send = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

export function buildApi(send: Send): ContractApi {
  return buildApiFrom(listMethods(contract), send as UntypedSend) as ContractApi;
}
