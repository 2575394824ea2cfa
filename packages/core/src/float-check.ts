/**
 * Milvus's check of float values (`typeutil.VerifyFloat`): no NaN and no infinity.
 *
 * @packageDocumentation
 */
import { MilvusError } from './milvus-error.js';

/**
 * Refuses a value that is NaN or infinite, as `typeutil.VerifyFloat` words it (Go's `%f`: `NaN`, `+Inf`, `-Inf`).
 * @throws MilvusError 1100 `value '<v>' is not a number or infinity: invalid parameter`.
 */
export function verifyFloat(value: number): void {
  if (!Number.isFinite(value)) throw MilvusError.parameterInvalid(`value '${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}' is not a number or infinity`);
}
