import { ConsistencyLevel, DataType, FunctionType, LoadState, ShowType } from '@mvkit/core';
import * as proto from '@mvkit/proto';
import { expect, it } from 'vitest';

/** The enums in @mvkit/core are the wire's: same names, same numbers as the generated codecs. */
it.each([
  ['DataType', DataType, proto.DataType],
  ['LoadState', LoadState, proto.LoadState],
  ['ConsistencyLevel', ConsistencyLevel, proto.ConsistencyLevel],
  ['ShowType', ShowType, proto.ShowType],
  ['FunctionType', FunctionType, proto.FunctionType],
] as const)('%s matches the generated enum', (_name, ours, generated) => {
  for (const [key, value] of Object.entries(ours)) expect((generated as Record<string, number>)[key], key).toBe(value);
});
