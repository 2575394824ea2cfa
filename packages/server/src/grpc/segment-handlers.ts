import type { CallMetadata } from './metadata.js';
import { CompactionState, SegmentLevel, SegmentState } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import type { Engine } from '../engine/index.js';

/**
 * The segment and maintenance RPCs of the gRPC front: ManualCompaction, GetCompactionState,
 * GetCompactionStateWithPlans, GetFlushState, FlushAll, GetFlushAllState, GetQuerySegmentInfo and
 * GetPersistentSegmentInfo, translated to and from the engine.
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 */
export function segmentHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  const compactionState = (id: bigint) => {
    const s = engine.getCompactionState(id);
    return { summary: s, state: s.state === 'Executing' ? CompactionState.Executing : CompactionState.Completed };
  };
  return {
    async manualCompaction(req, md) {
      const t = engine.manualCompaction({
        dbName: dbOf(req, md),
        ...(req.collectionName ? { collectionName: req.collectionName } : {}),
        collectionId: req.collectionID,
        majorCompaction: req.majorCompaction,
        l0Compaction: req.l0Compaction,
      });
      return { compactionID: t.compactionId, compactionPlanCount: t.planCount };
    },
    async getCompactionState(req) {
      const { summary: s, state } = compactionState(req.compactionID);
      return {
        state,
        executingPlanNo: BigInt(s.executing),
        timeoutPlanNo: BigInt(s.timeout),
        completedPlanNo: BigInt(s.completed),
        failedPlanNo: BigInt(s.failed),
      };
    },
    async getCompactionStateWithPlans(req) {
      const { summary: s, state } = compactionState(req.compactionID);
      return { state, mergeInfos: s.mergeInfos };
    },
    async getFlushState(req, md) {
      return {
        flushed: engine.getFlushState({
          dbName: dbOf(req, md),
          ...(req.collectionName ? { collectionName: req.collectionName } : {}),
          segmentIds: req.segmentIDs,
          flushTs: req.flushTs,
        }),
      };
    },
    async flushAll(req) {
      return { flushAllTs: engine.flushAll(req.dbName || undefined) };
    },
    async getFlushAllState(req) {
      return { flushed: engine.getFlushAllState({ ...(req.dbName ? { dbName: req.dbName } : {}), flushAllTs: req.flushAllTs }) };
    },
    async getQuerySegmentInfo(req, md) {
      const infos = engine.getQuerySegmentInfo({ dbName: dbOf(req, md), collectionName: req.collectionName });
      return {
        infos: infos.map((i) => ({
          segmentID: i.segmentId,
          collectionID: i.collectionId,
          partitionID: i.partitionId,
          memSize: BigInt(i.memSize),
          numRows: BigInt(i.numRows),
          indexName: i.indexName,
          indexID: i.indexId,
          state: SegmentState.Sealed,
          nodeIds: i.nodeIds,
          level: SegmentLevel.L1,
        })),
      };
    },
    async getPersistentSegmentInfo(req, md) {
      const infos = engine.getPersistentSegmentInfo({ dbName: dbOf(req, md), collectionName: req.collectionName });
      return {
        infos: infos.map((i) => ({
          segmentID: i.segmentId,
          collectionID: i.collectionId,
          partitionID: i.partitionId,
          numRows: BigInt(i.numRows),
          state: SegmentState.Flushed,
          level: SegmentLevel.L1,
        })),
      };
    },
  };
}
