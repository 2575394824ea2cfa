/**
 * Readers of a bound RESTful v2 body (canonical keys, no nulls), shared by the management and the
 * entities routes: a member as a string, a string list or an object, with Go's zero value when
 * absent.
 *
 * @packageDocumentation
 */
import type { RestContext } from './routes.js';

/** A bound request body. */
export type Body = Record<string, unknown>;

/** A string member, `''` when absent or not a string. */
export const S = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A string-list member, `[]` when absent. */
export const Ss = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
/** An object member, `{}` when absent or not an object. */
export const obj = (v: unknown): Body => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});
/** The collection a body addresses: its `collectionName` in the request's database. */
export const collectionRef = (b: Body, ctx: RestContext) => ({ dbName: ctx.dbName, collectionName: S(b.collectionName) });
