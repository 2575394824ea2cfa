/**
 * The RESTful v2 form of collection functions (`schema.functions`), as 2.5's `handler_v2.go`
 * reads them in `collections/create` and prints them in `collections/describe`.
 *
 * @packageDocumentation
 */
import { FunctionType, MilvusError } from '@mvkit/core';
import type { FunctionInput, FunctionSpec } from '../engine/index.js';
import { goFormat } from '../gojson.js';
import { S, Ss, obj, type Body } from './body.js';

/**
 * `schema.functions` of a create request: `name`, `description`, `type` (a `FunctionType` name,
 * case sensitive), `inputFieldNames`, `outputFieldNames`, `params` (values formatted as Go's `%v`).
 * @throws MilvusError 1100 `function data type is invalid(case sensitive): invalid
 *   parameter[expected=FunctionType][actual=<type>]`.
 */
export function functionInputsOfBody(functions: readonly Body[]): FunctionInput[] {
  return functions.map((f) => {
    const typeName = S(f.type);
    const type = (FunctionType as Record<string, number>)[typeName];
    if (type === undefined) throw MilvusError.parameterInvalid('function data type is invalid(case sensitive)', { expected: 'FunctionType', actual: typeName });
    return {
      name: S(f.name),
      description: S(f.description),
      type,
      inputFieldNames: Ss(f.inputFieldNames),
      outputFieldNames: Ss(f.outputFieldNames),
      params: Object.entries(obj(f.params)).map(([key, value]) => ({ key, value: goFormat(value) })),
    };
  });
}

/** `printFunctionDetails`: each function's name, description, type (the enum number), ID, fields and params. */
export function functionDetailsOf(functions: readonly FunctionSpec[]): Body[] {
  return functions.map((f) => ({
    name: f.name,
    description: f.description,
    type: f.type,
    id: f.id,
    inputFieldNames: [...f.inputFieldNames],
    outputFieldNames: [...f.outputFieldNames],
    params: f.params.map((p) => ({ key: p.key, value: p.value })),
  }));
}
