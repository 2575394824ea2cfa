/**
 * The RESTful v2 entities endpoints (`/v2/vectordb/entities/...`: insert, upsert, delete, query,
 * get, search), as Milvus 2.5's `handler_v2.go` serves them: each reads the collection schema
 * first (DescribeCollection, so a missing collection is 100 `can't find collection[...]`) where
 * upstream does, converts the body with `entity-rows.ts` and answers with the envelope extras
 * upstream adds (`cost`, `topks`).
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, isVectorType, type DataTypeValue } from '@mvkit/core';
import { primaryFieldOf, type AnnSearchInput, type Collection, type Engine, type PrimaryKey, type Row } from '../engine/index.js';
import { answerRow, decodeQueryVectors, float32Json } from './entity-rows.js';
import { goFormat } from '../gojson.js';
import { groupingOfBody } from './grouping.js';
import { memberOf, parseJsonNode, type JsonNode } from './json-node.js';
import { S, Ss, obj, collectionRef as target, type Body } from './body.js';
import type { RestContext, RouteAnswer } from './routes.js';

type Handle = (engine: Engine, body: Body, ctx: RestContext) => Promise<RouteAnswer>;


/** `proxy.GetCostValue` of a status: the open-source hook reports 0. */
const COST = 0;

/** The raw member `key` of the request body (gjson `Get(body, key)`: exact key, first match). */
const rawMember = (ctx: RestContext, key: string): JsonNode | undefined => memberOf(parseJsonNode(ctx.rawBody), key);

/** The 1801 answer of a request Milvus cannot turn into a placeholder group or parameters. */
const incorrectFormat = (detail: string) => MilvusError.of(Merr.IncorrectParameterFormat, `${Merr.IncorrectParameterFormat.message}, error: ${detail}`);

/**
 * `exprParams` as `generateExpressionTemplate` sends them: JSON numbers are float64, integral ones
 * become `Int64Val`s (bigint here), arrays element-wise.
 */
function exprParamsOf(v: unknown): Record<string, unknown> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const conv = (x: unknown): unknown => (typeof x === 'number' && Number.isInteger(x) ? BigInt(x) : Array.isArray(x) ? x.map(conv) : x);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, conv(x)]));
}

const CONSISTENCY = ['Strong', 'Session', 'Bounded', 'Eventually', 'Customized'];

/** `convertConsistencyLevel`: an unknown name fails with upstream's 1100 text. */
export function checkConsistency(b: Body): void {
  const level = S(b.consistencyLevel);
  if (level && !CONSISTENCY.includes(level)) {
    throw MilvusError.of(
      Merr.ParameterInvalid,
      `consistencyLevel can only be [Strong, Session, Bounded, Eventually, Customized], default: Bounded, err:parameter:'${level}' is incorrect, please check it: ${Merr.ParameterInvalid.message}`,
    );
  }
}

/** IDs of a mutation answer: Int64 keys as JSON numbers, or strings without `Accept-Type-Allow-Int64`. */
const idsOf = (coll: Collection, ids: readonly PrimaryKey[], ctx: RestContext): unknown[] =>
  primaryFieldOf(coll.schema).dataType === DataType.Int64 && !ctx.allowInt64 ? ids.map(String) : [...ids];

/**
 * `entities/insert` and `entities/upsert`: DescribeCollection, the rows of the raw `data` checked
 * against the schema (1804 on a bad row), then Insert / Upsert.
 */
function write(upsert: boolean): Handle {
  return async (engine, b, ctx) => {
    const ref = target(b, ctx);
    const coll = engine.describeCollection(ref);
    const rows = await ctx.rows(coll.schema, !upsert);
    const m = upsert ? await engine.upsert({ ...ref, partitionName: S(b.partitionName), rows }) : await engine.insert({ ...ref, partitionName: S(b.partitionName), rows });
    const count = BigInt(m.ids.length);
    const ids = idsOf(coll, m.ids, ctx);
    return { data: upsert ? { upsertCount: count, upsertIds: ids } : { insertCount: count, insertIds: ids }, extra: { cost: COST } };
  };
}

/** `entities/delete`: DescribeCollection, then Delete with the filter and its `exprParams`. */
const remove: Handle = async (engine, b, ctx) => {
  const ref = target(b, ctx);
  engine.describeCollection(ref);
  const params = exprParamsOf(b.exprParams);
  const m = await engine.delete({ ...ref, partitionName: S(b.partitionName), filter: S(b.filter), ...(params ? { exprParams: params } : {}) });
  return { data: { deleteCount: BigInt(m.deleteCount ?? 0) } };
};

/** `matchCountRule`: `count(*)` as the only output field. */
const isCount = (fields: readonly string[]) => fields.length === 1 && fields[0]!.trim().toLowerCase() === 'count(*)';

/**
 * `entities/query`: Query with the request's defaults (`limit` 100, `outputFields` `["*"]`); the
 * limit is not sent when it is 0 or for `count(*)`, the offset only when positive.
 */
const query: Handle = async (engine, b, ctx) => {
  checkConsistency(b);
  const outputFields = 'outputFields' in b ? Ss(b.outputFields) : ['*'];
  const limit = 'limit' in b ? Number(b.limit) : 100;
  const offset = Number(b.offset ?? 0);
  const params = exprParamsOf(b.exprParams);
  const coll = engine.collectionOf(target(b, ctx));
  const out = await engine.query({
    ...target(b, ctx),
    partitionNames: Ss(b.partitionNames),
    filter: S(b.filter),
    outputFields,
    ...(params ? { exprParams: params } : {}),
    ...(limit > 0 && !isCount(outputFields) ? { limit } : {}),
    ...(offset > 0 ? { offset } : {}),
  });
  return { data: out.rows.map((r) => answerRow(coll.schema, r, ctx.allowInt64)), extra: { cost: COST } };
};

/** cast.ToInt64E of a string: `strconv.ParseInt(trimZeroDecimal(s), 0, 0)`. */
function castInt64(s: string): bigint {
  const t = s.replace(/^(-?\d+)\.0+$/, '$1');
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9]\d*)$/.exec(t);
  let v: bigint | undefined;
  if (m) {
    const body = m[2]!;
    v = /^0[oO]/.test(body) ? BigInt(`0o${body.slice(2)}`) : /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
    if (m[1] === '-') v = -v;
  }
  if (v === undefined || v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new Error(`unable to cast ${JSON.stringify(s)} of type string to int64`);
  return v;
}

/**
 * `checkGetPrimaryKey`: the filter `<pk> in [...]` built from the raw `id` (a scalar or an array,
 * gjson `Array()`): Int64 keys through cast (numbers or strings), VarChar keys quoted as given.
 * @throws MilvusError 1806 when an Int64 key does not parse.
 */
function primaryKeyFilter(coll: Collection, id: JsonNode | undefined): string {
  const pk = primaryFieldOf(coll.schema);
  const items = !id || id.kind === 'null' ? [] : id.kind === 'array' ? id.items : [id];
  let keys: string[] = [];
  try {
    if (pk.dataType === DataType.Int64) keys = items.map((n) => String(castInt64(n.kind === 'string' ? n.value : n.raw)));
    else if (pk.dataType === DataType.VarChar) keys = items.map((n) => `"${n.kind === 'string' ? n.value : ''}"`);
  } catch (e) {
    throw MilvusError.of(Merr.CheckPrimaryKey, `${Merr.CheckPrimaryKey.message}, error: ${(e as Error).message}`);
  }
  return `${pk.name} in [${keys.join(',')}]`;
}

/** `entities/get`: DescribeCollection, then Query with `<pk> in [ids]` (`outputFields` default `["*"]`). */
const get: Handle = async (engine, b, ctx) => {
  checkConsistency(b);
  const ref = target(b, ctx);
  const coll = engine.describeCollection(ref);
  const filter = primaryKeyFilter(coll, rawMember(ctx, 'id'));
  const outputFields = 'outputFields' in b ? Ss(b.outputFields) : ['*'];
  const out = await engine.query({ ...ref, filter, outputFields, partitionNames: Ss(b.partitionNames) });
  return { data: out.rows.map((r) => answerRow(coll.schema, r, ctx.allowInt64)), extra: { cost: COST } };
};

/** Go's `reflect.DeepEqual` after `10.0 == 10` leniency, over decoded JSON values. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `generateSearchParams` (2.5.3+): `searchParams.params` merged with the other `searchParams` keys
 * (a key in both with different values is ambiguous); the keys themselves are sent as search
 * parameters, so only `metric_type` (not `metricType`) reaches the metric check.
 */
function searchParamsOf(sp: Body): { params: Body; metricType?: string } {
  let params: Body = {};
  if (sp.params !== undefined && sp.params !== null) {
    if (typeof sp.params !== 'object' || Array.isArray(sp.params)) throw MilvusError.parameterInvalid('searchParams.params must be a dict');
    params = { ...(sp.params as Body) };
  }
  for (const [key, value] of Object.entries(sp)) {
    if (key === 'params') continue;
    if (key in params) {
      if (!sameJson(params[key], value)) {
        throw MilvusError.parameterInvalid(`ambiguous parameter: ${key}, in search_param: ${goFormat(value)}, in search_param.params: ${goFormat(params[key])}`);
      }
    } else params[key] = value;
  }
  return { params, ...(sp.metric_type !== undefined ? { metricType: goFormat(sp.metric_type) } : {}) };
}

/** Integer search parameter (`ef`), as the gRPC front reads it. */
function intParam(params: Body, key: string): number | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw MilvusError.parameterInvalid(`${key} [${goFormat(v)}] is invalid, should be an integer`);
  return n;
}

/**
 * `generatePlaceholderGroup`'s choice of the vector field: `annsField`, or the only vector field.
 * @throws MilvusError 1801 with upstream's text.
 */
function annsFieldOf(coll: Collection, annsField: string) {
  const vectors = coll.schema.fields.filter((f) => isVectorType(f.dataType as DataTypeValue));
  if (!annsField) {
    if (vectors.length > 1) throw incorrectFormat(`search without annsField, but already found multiple vector fields: [${vectors[0]!.name}, ${vectors[1]!.name},,,]`);
    if (vectors[0]) return vectors[0];
  } else {
    const f = vectors.find((v) => v.name === annsField);
    if (f) return f;
  }
  throw incorrectFormat(`cannot find a vector field named: ${annsField}`);
}

/**
 * One ANN search of a body (`entities/search`, or an entry of `entities/hybrid_search`'s
 * `search`): its search parameters `sp` ({@link searchParamsOf}), the vector field, the query
 * vectors of its raw `data` (1801 on a wrong dimension or shape), `filter`, `exprParams`,
 * `metric_type`, `ef`, `hints`, `drop_ratio_search`, and `radius` / `range_filter` (a range search) as sent.
 * @throws MilvusError 1100 ambiguous or non-integer parameters; 1801 as {@link annsFieldOf} or for bad vectors.
 */
export function annSearchOfBody(coll: Collection, b: Body, sp: Body, data: JsonNode | undefined): Omit<AnnSearchInput, 'limit' | 'offset'> {
  const { params, metricType } = searchParamsOf(sp);
  const field = annsFieldOf(coll, S(b.annsField));
  let vectors: unknown[];
  try {
    vectors = decodeQueryVectors(field, data);
  } catch (e) {
    throw incorrectFormat((e as Error).message);
  }
  const ef = intParam(params, 'ef');
  const exprParams = exprParamsOf(b.exprParams);
  return {
    annsField: field.name,
    vectors,
    filter: S(b.filter),
    ...(exprParams ? { exprParams } : {}),
    ...(metricType ? { metricType } : {}),
    ...(ef === undefined ? {} : { ef }),
    ...(params.hints === undefined || params.hints === null ? {} : { hints: goFormat(params.hints) }),
    ...(params.drop_ratio_search === undefined || params.drop_ratio_search === null ? {} : { dropRatioSearch: goFormat(params.drop_ratio_search) }),
    ...('radius' in params ? { radius: params.radius } : {}),
    ...('range_filter' in params ? { rangeFilter: params.range_filter } : {}),
  };
}

/**
 * The answer of a search: one row per hit holding the output fields (the primary key only when
 * asked for), `id` (the primary key, whatever its field name) and `distance`, all query vectors'
 * rows in order, `topks` giving the number of rows of each.
 */
export function searchAnswer(coll: Collection, hits: readonly { pk: PrimaryKey; score: number; row: Row }[][], outputFields: readonly string[], ctx: RestContext): RouteAnswer {
  const pk = primaryFieldOf(coll.schema);
  const keepPk = outputFields.includes('*') || outputFields.includes(pk.name);
  const rows = hits.flat().map((h) => {
    const fields = { ...h.row };
    if (!keepPk) delete fields[pk.name];
    const row = answerRow(coll.schema, fields, ctx.allowInt64);
    row.id = typeof h.pk === 'bigint' && !ctx.allowInt64 ? String(h.pk) : h.pk;
    row.distance = float32Json(h.score);
    return row;
  });
  return { data: rows, extra: { cost: COST, topks: hits.map((h) => BigInt(h.length)) } };
}

/**
 * `entities/search`: DescribeCollection, the search ({@link annSearchOfBody}, grouping as
 * {@link groupingOfBody}), then Search (`limit` default 100), answered by {@link searchAnswer}.
 */
const search: Handle = async (engine, b, ctx) => {
  checkConsistency(b);
  const ref = target(b, ctx);
  const coll = engine.describeCollection(ref);
  const sp = obj(b.searchParams);
  const ann = { ...annSearchOfBody(coll, b, sp, rawMember(ctx, 'data')), ...groupingOfBody(b) };
  const limit = 'limit' in b ? Number(b.limit) : 100;
  const offset = Number(b.offset ?? 0);
  const outputFields = Ss(b.outputFields);
  const out = await engine.search({ ...ref, ...ann, partitionNames: Ss(b.partitionNames), limit, offset, outputFields });
  return searchAnswer(coll, out.hits, outputFields, ctx);
};

/** The entities endpoints, by path, for the REST front's route table. */
export const ENTITY_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/entities/insert': write(false),
  '/v2/vectordb/entities/upsert': write(true),
  '/v2/vectordb/entities/delete': remove,
  '/v2/vectordb/entities/query': query,
  '/v2/vectordb/entities/get': get,
  '/v2/vectordb/entities/search': search,
};
