import { create, fromJson, toJson, type JsonObject, type JsonValue } from '@bufbuild/protobuf';
import {
  DataType,
  MilvusError,
  type DeleteRequest,
  type FlushRequest,
  type FlushResult,
  type InsertRequest,
  type MutationResult,
  type QueryRequest,
  type QueryResults,
  type RowData,
  type SearchRequest,
  type SearchResultRow,
  type SearchResults,
} from '@mvkit/core';
import {
  COUNT_COLUMN,
  FieldDataSchema,
  columnsOfRows,
  placeholderGroupOf,
  rowsOfColumns,
  templateValuesOf,
  TemplateValueSchema,
  type ColumnField,
  type FieldData,
} from '@mvkit/proto';

/** What the data mappings need of a collection: its fields in codec form and the primary key. */
export interface CollectionInfo {
  fields: ColumnField[];
  primary: ColumnField;
}

/** Builds {@link CollectionInfo} from a DescribeCollection answer (proto JSON, snake_case). */
export function collectionInfoOf(describe: JsonObject): CollectionInfo {
  const schema = describe.schema as { fields?: JsonObject[] } | undefined;
  const fields = (schema?.fields ?? []).map((f): ColumnField & { primary: boolean } => {
    const params = (f.type_params as { key: string; value: string }[] | undefined) ?? [];
    const dim = Number(params.find((p) => p.key === 'dim')?.value ?? 0);
    return {
      name: String(f.name),
      dataType: DataType[f.data_type as keyof typeof DataType] ?? 0,
      dim,
      elementType: DataType[f.element_type as keyof typeof DataType] ?? 0,
      nullable: Boolean(f.nullable),
      isDynamic: Boolean(f.is_dynamic),
      primary: Boolean(f.is_primary_key),
    };
  });
  // DescribeCollection does not list the dynamic `$meta` field; `enable_dynamic_field` says it exists.
  if ((describe.schema as { enable_dynamic_field?: boolean } | undefined)?.enable_dynamic_field && !fields.some((f) => f.isDynamic)) {
    fields.push({ name: '$meta', dataType: DataType.JSON, dim: 0, elementType: 0, nullable: false, isDynamic: true, primary: false });
  }
  const primary = fields.find((f) => f.primary);
  if (!primary) throw new MilvusError('the collection schema has no primary key', { origin: 'client' });
  return { fields, primary };
}

const jsonOfColumns = (cols: ReturnType<typeof columnsOfRows>): JsonValue[] => cols.map((c) => toJson(FieldDataSchema, create(FieldDataSchema, c)));
const columnsOfJson = (json: unknown): FieldData[] => ((json as JsonValue[] | undefined) ?? []).map((c) => fromJson(FieldDataSchema, c));

/** A row value as the official SDK shows it: int64 as a decimal string, vectors as number arrays. */
function sdkValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Float32Array || v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(sdkValue);
  return v;
}

/** Rows decoded from result columns, shaped as the SDK's (dynamic keys flattened when asked by name). */
function sdkRows(info: CollectionInfo, fieldsData: unknown, outputFields: readonly string[]): RowData[] {
  const rows = rowsOfColumns([...info.fields, COUNT_COLUMN], columnsOfJson(fieldsData));
  return rows.map((row) => {
    const out: RowData = {};
    const meta = (row.$meta ?? {}) as Record<string, unknown>;
    for (const name of outputFields) {
      if (name in row) out[name] = sdkValue(row[name]);
      else if (name in meta) out[name] = sdkValue(meta[name]);
    }
    for (const [k, v] of Object.entries(row)) if (!(k in out) && k !== '$meta') out[k] = sdkValue(v);
    return out;
  });
}

/** A request the client refuses before sending it (1100, origin `client`). */
const invalid = (message: string): MilvusError => MilvusError.parameterInvalid(message, undefined, { origin: 'client' });

/** Insert / Upsert request: rows → columns by the schema (the dynamic keys into `$meta`). */
export function insertRequest(req: InsertRequest, info: CollectionInfo): Record<string, unknown> {
  const rows = req.data ?? req.fields_data;
  if (!Array.isArray(rows)) throw invalid('insert needs `data`: an array of rows');
  const known = new Set(info.fields.map((f) => f.name));
  const dynamic = info.fields.some((f) => f.isDynamic);
  const shaped = rows.map((r) => {
    if (!dynamic) return r;
    const meta: Record<string, unknown> = {};
    const row: RowData = {};
    for (const [k, v] of Object.entries(r)) (known.has(k) ? row : meta)[k] = v;
    return { ...row, $meta: meta };
  });
  const names = info.fields.filter((f) => !f.isDynamic && shaped.some((r) => f.name in r)).map((f) => f.name);
  if (dynamic) names.push('$meta');
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    partition_name: req.partition_name ?? '',
    num_rows: rows.length,
    fields_data: jsonOfColumns(columnsOfRows(info.fields, shaped, names, true)),
  };
}

/** Delete request: `filter` (alias `expr`); `MilvusClient.delete` turns `ids` into a filter first. */
export function deleteRequest(req: DeleteRequest): Record<string, unknown> {
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    partition_name: req.partition_name ?? '',
    expr: req.filter ?? req.expr ?? '',
    ...(req.exprValues ? { expr_template_values: templateJson(req.exprValues) } : {}),
  };
}

function templateJson(values: Record<string, unknown>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(templateValuesOf(values)).map(([k, v]) => [k, toJson(TemplateValueSchema, create(TemplateValueSchema, v))]));
}

/** Search request: query vectors into a placeholder group, limit/offset/params into `search_params`. */
export function searchRequest(req: SearchRequest, info: CollectionInfo): Record<string, unknown> {
  const raw = req.data ?? req.vectors ?? req.vector;
  if (raw === undefined) throw invalid('search needs `data`: a vector or an array of vectors');
  const field = req.anns_field ? info.fields.find((f) => f.name === req.anns_field) : info.fields.find((f) => f.dataType === DataType.FloatVector || f.dataType === DataType.BinaryVector);
  if (!field) throw invalid(`the collection has no vector field ${req.anns_field ?? ''}`.trim());
  const binary = field.dataType === DataType.BinaryVector;
  const several = Array.isArray(raw) && raw.length > 0 && (Array.isArray(raw[0]) || raw[0] instanceof Uint8Array);
  const vectors = (several ? raw : [raw]) as (number[] | Uint8Array)[];
  const params = req.params ?? {};
  const searchParams: Record<string, string> = {
    anns_field: field.name,
    topk: String(req.limit ?? req.topk ?? 100),
    offset: String(req.offset ?? 0),
    params: JSON.stringify(params),
    ...(req.metric_type ? { metric_type: req.metric_type } : {}),
  };
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    partition_names: req.partition_names ?? [],
    dsl: req.filter ?? req.expr ?? '',
    dsl_type: 'BoolExprV1',
    output_fields: req.output_fields ?? ['*'],
    nq: String(vectors.length),
    search_params: Object.entries(searchParams).map(([key, value]) => ({ key, value })),
    placeholder_group: Buffer.from(placeholderGroupOf(vectors, binary)).toString('base64'),
    ...(req.exprValues ? { expr_template_values: templateJson(req.exprValues) } : {}),
  };
}

/** Search result: per query, hits `{ score, <pk>, ...output fields }` (one list when one vector was sent). */
export function searchResult(json: JsonObject, info: CollectionInfo, req: SearchRequest): SearchResults {
  const r = (json.results ?? {}) as JsonObject;
  const outputFields = (r.output_fields as string[] | undefined) ?? [];
  const rows = sdkRows(info, r.fields_data, outputFields);
  const scores = (r.scores as number[] | undefined) ?? [];
  const topks = ((r.topks as string[] | undefined) ?? []).map(Number);
  const perQuery: SearchResultRow[][] = [];
  let at = 0;
  for (const k of topks) {
    perQuery.push(Array.from({ length: k }, (_, i) => ({ score: scores[at + i]!, ...rows[at + i] })));
    at += k;
  }
  const raw = req.data ?? req.vectors ?? req.vector;
  const several = Array.isArray(raw) && raw.length > 0 && (Array.isArray(raw[0]) || raw[0] instanceof Uint8Array);
  return { status: json.status as unknown as SearchResults['status'], results: several ? perQuery : (perQuery[0] ?? []) };
}

/** Query request: filter, output fields, and limit/offset as `query_params`. */
export function queryRequest(req: QueryRequest): Record<string, unknown> {
  const params: { key: string; value: string }[] = [];
  if (req.limit !== undefined) params.push({ key: 'limit', value: String(req.limit) });
  if (req.offset !== undefined) params.push({ key: 'offset', value: String(req.offset) });
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    expr: req.filter ?? req.expr ?? '',
    output_fields: req.output_fields ?? ['*'],
    partition_names: req.partition_names ?? [],
    query_params: params,
    ...(req.exprValues ? { expr_template_values: templateJson(req.exprValues) } : {}),
  };
}

/** Query result: columns → rows. */
export function queryResult(json: JsonObject, info: CollectionInfo): QueryResults {
  const outputFields = (json.output_fields as string[] | undefined) ?? [];
  return { status: json.status as unknown as QueryResults['status'], data: sdkRows(info, json.fields_data, outputFields) };
}

/** Mutation result as the SDK shows it (the IDs' populated member named in `id_field`). */
export function mutationResult(json: JsonObject): MutationResult {
  const r = json as unknown as MutationResult;
  const ids = (r.IDs ?? {}) as MutationResult['IDs'];
  r.IDs = { ...ids, ...(ids.int_id ? { id_field: 'int_id' } : ids.str_id ? { id_field: 'str_id' } : {}) };
  return r;
}

/** Flush request. */
export function flushRequest(req: FlushRequest): Record<string, unknown> {
  return { db_name: req.db_name ?? '', collection_names: req.collection_names };
}

/** Flush result. */
export const flushResult = (json: JsonObject): FlushResult => json as unknown as FlushResult;
