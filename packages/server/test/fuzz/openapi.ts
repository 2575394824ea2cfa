import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The RESTful v2 routes as `openapi/milvus-v2.yaml` describes them: for each operation its method,
 * path, request body schema (with `$ref`s left in place, resolved by {@link OpenApiDoc.resolve}),
 * documented example and header parameters. The REST fuzzer is driven by this document only.
 *
 * @packageDocumentation
 */

/** A JSON schema node of the document. */
export type JsonSchema = Readonly<Record<string, unknown>> & {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
};

/** One documented operation. */
export interface OpenApiRoute {
  readonly method: string;
  readonly path: string;
  readonly body: JsonSchema;
  /** The request example, when the document gives one. */
  readonly example?: unknown;
  /** Header parameters (name and schema), e.g. `Request-Timeout`. */
  readonly headers: readonly { readonly name: string; readonly schema: JsonSchema }[];
}

/** The parsed document. */
export interface OpenApiDoc {
  readonly routes: readonly OpenApiRoute[];
  /** Follows `$ref`s (`#/components/...`) to the schema they name. */
  resolve(schema: JsonSchema): JsonSchema;
}

type Node = Record<string, unknown>;

/**
 * Reads an OpenAPI 3.x document (YAML or JSON) and lists its operations.
 * @throws Error when the file cannot be read or a `$ref` points nowhere.
 */
export function loadOpenApi(file: string): OpenApiDoc {
  const doc = parseYaml(readFileSync(file, 'utf8')) as Node;
  const lookup = (ref: string): Node => {
    let node: unknown = doc;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Node | undefined)?.[part];
    if (!node) throw new Error(`${file}: unresolved $ref ${ref}`);
    return node as Node;
  };
  const deref = <T>(node: T): T => {
    let n = node as Node;
    for (let hops = 0; typeof n.$ref === 'string' && hops < 16; hops++) n = lookup(n.$ref);
    return n as T;
  };
  const routes: OpenApiRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Node>)) {
    for (const [method, op] of Object.entries(item) as [string, Node][]) {
      if (!/^(get|put|post|delete|patch|options|head)$/.test(method)) continue;
      const content = (deref((op.requestBody ?? {}) as Node).content ?? {}) as Record<string, Node>;
      const media = content['application/json'] ?? {};
      const parameters = ((op.parameters ?? []) as Node[]).map(deref).filter((p) => p.in === 'header');
      routes.push({
        method: method.toUpperCase(),
        path,
        body: (media.schema ?? {}) as JsonSchema,
        ...(media.example !== undefined ? { example: media.example } : {}),
        headers: parameters.map((p) => ({ name: String(p.name), schema: (p.schema ?? {}) as JsonSchema })),
      });
    }
  }
  return { routes, resolve: (schema) => deref(schema) };
}
