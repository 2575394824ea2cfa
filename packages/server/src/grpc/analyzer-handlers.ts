import type { CallMetadata } from './metadata.js';
import type { MilvusServiceHandlers } from './adapter.js';
import type { Engine } from '../engine/index.js';
import { utf8Text } from '../engine/utf8.js';

/**
 * RunAnalyzer of the gRPC front: the placeholder's texts (UTF-8 bytes) through the analyzer of
 * `analyzer_params` or of a collection's field, answered as `AnalyzerResult`s.
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 */
export function analyzerHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  return {
    async runAnalyzer(req, md) {
      const results = engine.runAnalyzer({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        fieldName: req.fieldName,
        analyzerParams: req.analyzerParams,
        texts: req.placeholder.map(utf8Text),
        withDetail: req.withDetail,
        withHash: req.withHash,
      });
      return {
        results: results.map((tokens) => ({
          tokens: tokens.map((t) => ({
            token: t.token,
            startOffset: BigInt(t.startOffset),
            endOffset: BigInt(t.endOffset),
            position: BigInt(t.position),
            positionLength: BigInt(t.positionLength),
            hash: t.hash,
          })),
        })),
      };
    },
  };
}
