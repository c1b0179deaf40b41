import type { z } from 'zod';
import type { MethodName, MethodResult, Methods } from '../contract/index.js';
import type { CallContext } from './call-context.js';

/** Params after validation (defaults applied), as a handler receives them. */
export type ValidParams<M extends MethodName> = z.output<Methods[M]['params']>;

export type MethodHandler<M extends MethodName> = (
  params: ValidParams<M>,
  context: CallContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** Every method of the contract has exactly one handler; TypeScript checks the map is complete. */
export type Handlers = { [M in MethodName]: MethodHandler<M> };

/** What one domain contributes to the map. */
export type HandlerGroup<K extends MethodName> = { [M in K]: MethodHandler<M> };
