/**
 * How the RESTful v2 handler reads a request body: bound to its route's Go struct, and, for the
 * entities writes, the rows of `data` decoded against the target collection's schema. The default
 * reader works in the calling thread (browsers, workers, msw); the Node server can plug in one
 * that does the heavy parsing in a worker thread ({@link BodyReader} is the seam).
 *
 * @packageDocumentation
 */
import { Pacer, type CollectionSpec, type Row } from '../engine/index.js';
import { utf8Text } from '../engine/utf8.js';
import { GoBinder } from './bind.js';
import { decodeRows } from './entity-rows.js';
import { memberOf, parseJsonNode } from './json-node.js';

/** A body read for one request. */
export interface ReadBody {
  /** The body bound to the route's Go struct (for entities writes, without its `data` rows). */
  readonly body: Record<string, unknown>;
  /**
   * The rows of the body's `data`, read against `schema` as `entities/insert` (`insert` true) or
   * `entities/upsert` do.
   * @throws MilvusError 1804 `invalid insert data, error: <detail>` for a row Milvus cannot convert.
   */
  rows(schema: CollectionSpec, insert: boolean): Promise<Row[]>;
  /** The body as text (UTF-8), decoded on the first call where the reader had no need to. */
  text(): string;
  /** Frees what the reader kept to answer {@link ReadBody.rows}; called once the request is answered. */
  release(): void;
}

/** Reads request bodies for {@link createRestHandler}. */
export interface BodyReader {
  /**
   * Binds `body` (UTF-8 bytes, or text) to the Go struct `struct` (see {@link GoBinder.bind}).
   * @throws MilvusError 1801 / 1802 / 1804 as Milvus's binding does.
   */
  read(struct: string, body: Uint8Array | string): Promise<ReadBody>;
}

/** A request body as text: bytes decoded as UTF-8 (invalid sequences become U+FFFD, as Go's JSON decoder reads them). */
export function bodyText(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : utf8Text(body);
}

/** The rows of a body's `data` member, decoded in this thread (pausing between rows). */
export function decodeBodyRows(text: string, schema: CollectionSpec, insert: boolean): Promise<Row[]> {
  return decodeRows(schema, memberOf(parseJsonNode(text), 'data'), insert, new Pacer());
}

/** A {@link BodyReader} that does all the work in the calling thread. */
export function inThreadBodyReader(binder: GoBinder = new GoBinder()): BodyReader {
  return {
    read: async (struct, raw) => {
      const text = bodyText(raw);
      return {
        body: binder.bind(struct, text),
        rows: (schema, insert) => decodeBodyRows(text, schema, insert),
        text: () => text,
        release: () => {},
      };
    },
  };
}
