/**
 * The RESTful v2 endpoints of properties and renames (`handler_v2.go`): `databases/alter`,
 * `databases/drop_properties`, `collections/alter_properties`, `collections/drop_properties`,
 * `collections/fields/alter_properties`, `indexes/alter_properties`, `indexes/drop_properties`
 * and `collections/rename`. Property values are JSON values formatted with Go's `%v`, as Milvus
 * turns its `map[string]interface{}` into key/value pairs.
 *
 * @packageDocumentation
 */
import type { Engine, KeyValue } from '../engine/index.js';
import { S, Ss, obj, collectionRef as ref, type Body } from './body.js';
import { goFormat } from '../gojson.js';
import type { RestContext, RouteAnswer } from './routes.js';

type Handle = (engine: Engine, body: Body, ctx: RestContext) => RouteAnswer;

const kvOf = (m: Body): KeyValue[] => Object.entries(m).map(([key, v]) => ({ key, value: goFormat(v) }));
const done = (): RouteAnswer => ({ data: {} });

/** Handlers by path, spread into the route table. */
export const PROPERTIES_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/databases/alter': (e, b) => (e.alterDatabase({ dbName: S(b.dbName), properties: kvOf(obj(b.properties)) }), done()),
  '/v2/vectordb/databases/drop_properties': (e, b) => (e.alterDatabase({ dbName: S(b.dbName), properties: [], deleteKeys: Ss(b.propertyKeys) }), done()),
  '/v2/vectordb/collections/rename': (e, b, c) => {
    const newDbName = S(b.newDbName);
    e.renameCollection({ ...ref(b, c), newName: S(b.newCollectionName), ...(newDbName ? { newDbName } : {}) });
    return done();
  },
  '/v2/vectordb/collections/alter_properties': (e, b, c) => (e.alterCollectionProperties({ ...ref(b, c), properties: kvOf(obj(b.properties)) }), done()),
  '/v2/vectordb/collections/drop_properties': (e, b, c) => (e.alterCollectionProperties({ ...ref(b, c), properties: [], deleteKeys: Ss(b.propertyKeys) }), done()),
  '/v2/vectordb/collections/fields/alter_properties': (e, b, c) =>
    (e.alterCollectionField({ ...ref(b, c), fieldName: S(b.fieldName), properties: kvOf(obj(b.fieldParams)) }), done()),
  '/v2/vectordb/indexes/alter_properties': (e, b, c) => (e.alterIndex({ ...ref(b, c), indexName: S(b.indexName), params: kvOf(obj(b.properties)) }), done()),
  '/v2/vectordb/indexes/drop_properties': (e, b, c) => (e.alterIndex({ ...ref(b, c), indexName: S(b.indexName), params: [], deleteKeys: Ss(b.propertyKeys) }), done()),
};
