/**
 * The proxy's name checks of RBAC requests (`internal/proxy/util.go` ValidateUsername,
 * ValidatePassword, and the generic `validateName` behind ValidateRoleName,
 * ValidatePrivilegeGroupName and ValidateObjectName).
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';

/** `proxy.maxUsernameLength`. */
export const MAX_USERNAME_LENGTH = 32;
/** `proxy.minPasswordLength` / `proxy.maxPasswordLength` (bytes). */
export const MIN_PASSWORD_LENGTH = 6;
export const MAX_PASSWORD_LENGTH = 256;
/** `proxy.maxNameLength`. */
const MAX_NAME_LENGTH = 255;

const isAlpha = (ch: string) => /^[A-Za-z]$/.test(ch);
const isDigit = (ch: string) => /^[0-9]$/.test(ch);

/**
 * ValidateUsername: non-empty after trimming, at most 32 bytes, a letter first, then letters,
 * digits and underscores.
 * @throws MilvusError 1100 `username must be not empty: invalid parameter`, `invalid username <u>
 *   with length <n>, the length of username must be less than 32: invalid parameter`, ...
 */
export function validateUsername(raw: string): void {
  const name = raw.trim();
  if (name === '') throw MilvusError.parameterInvalid('username must be not empty');
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_USERNAME_LENGTH) {
    throw MilvusError.parameterInvalid(`invalid username ${name} with length ${bytes}, the length of username must be less than ${MAX_USERNAME_LENGTH}`);
  }
  const first = name[0] ?? '';
  if (!isAlpha(first)) throw MilvusError.parameterInvalid(`invalid user name ${name}, the first character must be a letter, but got ${first}`);
  for (const ch of name.slice(1)) {
    if (ch !== '_' && !isAlpha(ch) && !isDigit(ch)) {
      throw MilvusError.parameterInvalid(`invalid user name ${name}. Username should only contain numbers, letters, and underscores, but got ${ch}`);
    }
  }
}

/**
 * ValidatePassword: 6 to 256 bytes.
 * @throws MilvusError 1100 `invalid password length: invalid parameter[expected=6-256][actual=<n>]`.
 */
export function validatePassword(password: string): void {
  const bytes = new TextEncoder().encode(password).length;
  if (bytes < MIN_PASSWORD_LENGTH || bytes > MAX_PASSWORD_LENGTH) {
    throw MilvusError.parameterInvalid('invalid password length', { expected: `${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH}`, actual: bytes });
  }
}

/**
 * The proxy's generic `validateName(entity, nameType)`: non-empty after trimming, at most 255
 * bytes, an underscore or letter first, then letters, digits, underscores and `$`.
 * @param what - e.g. `role name`, `privilege group name`.
 * @throws MilvusError 1100, e.g. `role name should be not empty: invalid parameter[expected=not empty][actual=]`.
 */
export function validateName(raw: string, what: string): void {
  const name = raw.trim();
  if (name === '') throw MilvusError.parameterInvalid(`${what} should be not empty`, { expected: 'not empty', actual: '' });
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_LENGTH) throw MilvusError.parameterInvalid(`the length of ${what} must be not greater than limit`, { expected: `0-${MAX_NAME_LENGTH}`, actual: bytes });
  const first = name[0] ?? '';
  if (first !== '_' && !isAlpha(first)) throw MilvusError.parameterInvalid(`the first character of ${what} must be an underscore or letter`, { expected: '_', actual: first });
  let i = 0;
  for (const ch of name) {
    if (i > 0 && ch !== '_' && ch !== '$' && !isAlpha(ch) && !isDigit(ch)) {
      throw MilvusError.parameterInvalid(`${what} can only contain numbers, letters, underscores, and allowed characters ($), found ${ch} at ${i}`);
    }
    i++;
  }
}

/**
 * Go's `base64.StdEncoding.DecodeString` of a password on the gRPC wire, then UTF-8.
 * @param what - `password`, `old password` or `new password`, as in Milvus's `decode <what> fail`.
 * @throws MilvusError 65535 `decode <what> fail: illegal base64 data at input byte <n>`.
 */
export function decodeWirePassword(text: string, what: string): string {
  const bad = text.search(/[^A-Za-z0-9+/=]/);
  const pad = text.indexOf('=');
  const at = bad >= 0 ? bad : text.length % 4 !== 0 ? text.length - (text.length % 4) : pad >= 0 && /[^=]/.test(text.slice(pad)) ? pad : -1;
  if (at >= 0) throw new MilvusError(`decode ${what} fail: illegal base64 data at input byte ${at}`);
  return new TextDecoder().decode(Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0)));
}
