import type { CallMetadata } from './metadata.js';
import type { MilvusServiceHandlers } from './adapter.js';
import type { Engine } from '../engine/index.js';

const kv = (pairs: readonly { key: string; value: string }[]) => pairs.map((p) => ({ key: p.key, value: p.value }));

/**
 * The gRPC translations of Milvus 2.5's property RPCs: AlterDatabase (DropDatabaseProperties is
 * AlterDatabase with `delete_keys`), AlterCollectionField and AlterIndex (DropIndexProperties is
 * AlterIndex with `delete_keys`). AlterCollection (and DropCollectionProperties) stays with the
 * collection handlers. AlterDatabase names its database in the request only, as the proxy.
 *
 * @param dbOf - the database a request addresses (its `db_name`, else the `dbname` metadata).
 */
export function propertiesHandlers(engine: Engine, dbOf: (request: { dbName?: string }, metadata: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  return {
    async alterDatabase(req) {
      engine.alterDatabase({ dbName: req.dbName, properties: kv(req.properties), deleteKeys: req.deleteKeys });
      return {};
    },
    async alterCollectionField(req, md) {
      engine.alterCollectionField({ dbName: dbOf(req, md), collectionName: req.collectionName, fieldName: req.fieldName, properties: kv(req.properties), deleteKeys: req.deleteKeys });
      return {};
    },
    async alterIndex(req, md) {
      engine.alterIndex({ dbName: dbOf(req, md), collectionName: req.collectionName, indexName: req.indexName, params: kv(req.extraParams), deleteKeys: req.deleteKeys });
      return {};
    },
  };
}
