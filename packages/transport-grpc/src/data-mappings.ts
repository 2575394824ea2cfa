import { create, type JsonObject } from '@bufbuild/protobuf';
import {
  DataType,
  MilvusError,
  groupingParamsOf,
  isVectorType,
  queryVectorsOf,
  sparseObjectOf,
  sparseRowOfBytes,
  type DataTypeValue,
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
  DeleteRequestSchema,
  DslType,
  InsertRequestSchema,
  QueryRequestSchema,
  SearchRequestSchema,
  UpsertRequestSchema,
  columnsOfRows,
  keysOf,
  placeholderGroupOf,
  rowsOfColumns,
  templateValuesOf,
  type ColumnField,
  type FieldData,
  type QueryResults as QueryResultsMessage,
  type SearchResults as SearchResultsMessage,
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
      // A field with a default value takes nulls on insert too (`valid_data`; the server fills the default).
      nullable: Boolean(f.nullable) || f.default_value != null,
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


/** A row value as the official SDK shows it: int64 as a decimal string, vectors as number arrays. */
function sdkValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Float32Array || v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(sdkValue);
  return v;
}

/** Rows decoded from result columns, shaped as the SDK's (dynamic keys flattened when asked by name; sparse vectors as `{ "<index>": value }`). */
function sdkRows(info: CollectionInfo, fieldsData: readonly FieldData[], outputFields: readonly string[]): RowData[] {
  const rows = rowsOfColumns([...info.fields, COUNT_COLUMN], fieldsData);
  const sparse = info.fields.filter((f) => f.dataType === DataType.SparseFloatVector).map((f) => f.name);
  return rows.map((row) => {
    for (const name of sparse) if (row[name] instanceof Uint8Array) row[name] = sparseObjectOf(sparseRowOfBytes(row[name]));
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

/**
 * Insert / Upsert request: rows → columns by the schema (the dynamic keys into `$meta`), built as
 * the message itself (`UpsertRequest` has Insert's fields), with no JSON pass over the vectors.
 */
export function insertRequest(req: InsertRequest, info: CollectionInfo, schema: typeof InsertRequestSchema | typeof UpsertRequestSchema = InsertRequestSchema) {
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
  return create(schema as typeof InsertRequestSchema, {
    dbName: req.db_name ?? '',
    collectionName: req.collection_name,
    partitionName: req.partition_name ?? '',
    numRows: rows.length,
    fieldsData: columnsOfRows(info.fields, shaped, names, true),
  });
}

/** Delete request: `filter` (alias `expr`); `MilvusClient.delete` turns `ids` into a filter first. */
export function deleteRequest(req: DeleteRequest) {
  return create(DeleteRequestSchema, {
    dbName: req.db_name ?? '',
    collectionName: req.collection_name,
    partitionName: req.partition_name ?? '',
    expr: req.filter ?? req.expr ?? '',
    ...(req.exprValues ? { exprTemplateValues: templateValuesOf(req.exprValues) } : {}),
  });
}

/** The query vectors of a search request, and whether several were sent (then results are per vector). */
/** Search request: query vectors into a placeholder group, limit/offset/params into `search_params`. */
export function searchRequest(req: SearchRequest, info: CollectionInfo) {
  const { vectors } = queryVectorsOf(req);
  const field = req.anns_field ? info.fields.find((f) => f.name === req.anns_field) : info.fields.find((f) => isVectorType(f.dataType as DataTypeValue));
  if (!field) throw invalid(`the collection has no vector field ${req.anns_field ?? ''}`.trim());
  const params = req.params ?? {};
  const searchParams: Record<string, string> = {
    anns_field: field.name,
    topk: String(req.limit ?? req.topk ?? 100),
    offset: String(req.offset ?? 0),
    params: JSON.stringify(params),
    ...(req.metric_type ? { metric_type: req.metric_type } : {}),
    ...groupingParamsOf(req),
  };
  return create(SearchRequestSchema, {
    dbName: req.db_name ?? '',
    collectionName: req.collection_name,
    partitionNames: req.partition_names ?? [],
    dsl: req.filter ?? req.expr ?? '',
    dslType: DslType.BoolExprV1,
    outputFields: req.output_fields ?? ['*'],
    nq: BigInt(vectors.length),
    searchParams: Object.entries(searchParams).map(([key, value]) => ({ key, value })),
    searchInput: { case: 'placeholderGroup', value: placeholderGroupOf(vectors, field.dataType) },
    ...(req.exprValues ? { exprTemplateValues: templateValuesOf(req.exprValues) } : {}),
  });
}

/**
 * Search result: per query, hits `{ score, <pk>, ...output fields }` (one list when one vector was
 * sent). The key comes from the answer's `ids`: Milvus 2.5 lists the primary key among the output
 * fields only when it was asked for.
 */
export function searchResult(json: JsonObject, info: CollectionInfo, req: SearchRequest, message: SearchResultsMessage): SearchResults {
  const r = message.results;
  const pk = info.primary.name;
  const ids = keysOf(r?.ids);
  const rows = sdkRows(info, r?.fieldsData ?? [], r?.outputFields ?? []).map((row, i) => (ids[i] === undefined ? row : { [pk]: sdkValue(ids[i]), ...row }));
  const scores = r?.scores ?? [];
  const topks = (r?.topks ?? []).map(Number);
  const perQuery: SearchResultRow[][] = [];
  let at = 0;
  for (const k of topks) {
    perQuery.push(Array.from({ length: k }, (_, i) => ({ score: scores[at + i]!, ...rows[at + i] })));
    at += k;
  }
  const { several } = queryVectorsOf(req);
  return { status: json.status as unknown as SearchResults['status'], results: several ? perQuery : (perQuery[0] ?? []) };
}

/** Query request: filter, output fields, and limit/offset as `query_params`. */
export function queryRequest(req: QueryRequest) {
  const params: { key: string; value: string }[] = [];
  if (req.limit !== undefined) params.push({ key: 'limit', value: String(req.limit) });
  if (req.offset !== undefined) params.push({ key: 'offset', value: String(req.offset) });
  return create(QueryRequestSchema, {
    dbName: req.db_name ?? '',
    collectionName: req.collection_name,
    expr: req.filter ?? req.expr ?? '',
    outputFields: req.output_fields ?? ['*'],
    partitionNames: req.partition_names ?? [],
    queryParams: params,
    ...(req.exprValues ? { exprTemplateValues: templateValuesOf(req.exprValues) } : {}),
  });
}

/** Query result: columns → rows. */
export function queryResult(json: JsonObject, info: CollectionInfo, _req: QueryRequest, message: QueryResultsMessage): QueryResults {
  return { status: json.status as unknown as QueryResults['status'], data: sdkRows(info, message.fieldsData, message.outputFields) };
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
