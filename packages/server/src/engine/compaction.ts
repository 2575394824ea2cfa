import type { Collection } from './catalog.js';
import type { Segment } from './data/segment.js';
import { onNextTurn } from './data/pacer.js';

/** Most segments one plan merges (`dataCoord.compaction.max.segment`, default 30). */
export const MAX_SEGMENTS_TO_MERGE = 30;

/** Compactions whose plans have all finished kept for GetCompactionState; older ones are forgotten first (an unknown ID answers Completed with no plan). */
export const RETAINED_COMPACTIONS = 1024;

/** State of one compaction plan: queued or merging, merged, or abandoned (its segments went away). */
export type CompactionPlanState = 'executing' | 'completed' | 'failed';

/** One plan of a compaction: segments of one partition merged into one target segment. */
export interface CompactionPlan {
  /** Plan ID (int64, allocated as Milvus allocates plan IDs). */
  readonly planId: bigint;
  readonly collection: Collection;
  /** The segments merged, in the order their rows are written. */
  readonly sources: readonly Segment[];
  /** ID pre-allocated for the result segment (no segment is created when no row is live). */
  readonly target: bigint;
  state: CompactionPlanState;
}

/** What ManualCompaction answers: `compactionID` (-1 when nothing is to compact) and `compactionPlanCount`. */
export interface CompactionTrigger {
  compactionId: bigint;
  planCount: number;
}

/**
 * A compaction's state as GetCompactionState(WithPlans) reports it: `Executing` while a plan is
 * queued or merging, else `Completed` (also for an unknown ID, whose counts are all 0, as Milvus).
 */
export interface CompactionSummary {
  state: 'Executing' | 'Completed';
  executing: number;
  completed: number;
  failed: number;
  /** Always 0: in-memory merges do not time out. */
  timeout: number;
  /** Per plan: the source segment IDs and the target segment ID. */
  mergeInfos: { sources: bigint[]; target: bigint }[];
}

/**
 * Manual compaction as Milvus 2.5's datacoord runs a forced mix compaction
 * (`compactionTrigger.generatePlans` with `isForce`): per partition, the flushed (here: sealed)
 * segments that are not already being compacted and whose vector indexes are all built
 * (`dataCoord.compaction.indexBasedCompaction`, default true) are packed greedily, largest first,
 * into plans of at most the expected segment size (`segmentMaxRows` rows, counting deleted rows as
 * the binlog size does) and {@link MAX_SEGMENTS_TO_MERGE} segments; every such bucket is a plan,
 * a single segment included. Each plan rewrites its segments into one new sealed segment without
 * the deleted rows ({@link CollectionData.merge}), whose indexes then build in the background;
 * until then it is searched exactly, so reads see the same rows throughout.
 *
 * Plans run one per event-loop turn after ManualCompaction returns, so their states move from
 * Executing to Completed as in Milvus.
 */
export class Compactions {
  /** Plans by compaction (trigger) ID. */
  readonly #byId = new Map<bigint, CompactionPlan[]>();
  readonly #queue: CompactionPlan[] = [];
  /** Segments in a queued plan (Milvus's `isCompacting`). */
  readonly #busy = new Set<Segment>();
  #scheduled = false;

  /**
   * @param allocateId - allocator of compaction, plan and segment IDs.
   * @param segmentMaxRows - expected segment size, in rows.
   */
  constructor(
    private readonly allocateId: () => bigint,
    private readonly segmentMaxRows: number,
  ) {}

  /**
   * Plans a forced mix compaction of `coll` and queues its plans.
   * @returns the compaction ID and plan count; ID -1 and 0 plans when there is nothing to compact.
   */
  trigger(coll: Collection): CompactionTrigger {
    const buckets: Segment[][] = [];
    for (const [, segments] of coll.data.partitions()) buckets.push(...this.#pack(segments.filter((s) => this.#compactable(s))));
    if (buckets.length === 0) return { compactionId: -1n, planCount: 0 };
    const compactionId = this.allocateId();
    const plans = buckets.map((sources): CompactionPlan => {
      for (const s of sources) this.#busy.add(s);
      return { planId: this.allocateId(), collection: coll, sources, target: this.allocateId(), state: 'executing' };
    });
    this.#byId.set(compactionId, plans);
    this.#forgetOld();
    this.#queue.push(...plans);
    this.#schedule();
    return { compactionId, planCount: plans.length };
  }

  /** The summary of compaction `compactionId` (an unknown ID: Completed with no plan). */
  summary(compactionId: bigint): CompactionSummary {
    const plans = this.#byId.get(compactionId) ?? [];
    const count = (state: CompactionPlanState) => plans.filter((p) => p.state === state).length;
    const executing = count('executing');
    return {
      state: executing > 0 ? 'Executing' : 'Completed',
      executing,
      completed: count('completed'),
      failed: count('failed'),
      timeout: 0,
      mergeInfos: plans.map((p) => ({ sources: p.sources.map((s) => s.id), target: p.target })),
    };
  }

  /** Runs every queued plan now (used by tests). */
  drain(): void {
    while (this.#queue.length) this.#run(this.#queue.shift()!);
  }

  /** Abandons the queued plans (engine close); they are reported failed. */
  clear(): void {
    for (const plan of this.#queue.splice(0)) this.#finish(plan, 'failed');
  }

  /** Abandons the queued plans and forgets every compaction (engine reset): a new engine's state. */
  reset(): void {
    this.clear();
    this.#byId.clear();
  }

  /** Drops the oldest finished compactions beyond {@link RETAINED_COMPACTIONS} (Map order is creation order). */
  #forgetOld(): void {
    let finished = 0;
    for (const plans of this.#byId.values()) if (plans.every((p) => p.state !== 'executing')) finished++;
    for (const [id, plans] of this.#byId) {
      if (finished <= RETAINED_COMPACTIONS) break;
      if (plans.every((p) => p.state !== 'executing')) {
        this.#byId.delete(id);
        finished--;
      }
    }
  }

  #compactable(s: Segment): boolean {
    if (s.state !== 'Sealed' || this.#busy.has(s)) return false;
    for (const field of s.vectorDims.keys()) if (!s.built.has(field)) return false;
    return true;
  }

  /** Greedy packing of `generatePlans`: largest first (ties by ID), each bucket filled with the largest segments that still fit. */
  #pack(candidates: Segment[]): Segment[][] {
    const rest = [...candidates].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const buckets: Segment[][] = [];
    while (rest.length) {
      const first = rest.shift()!;
      const bucket = [first];
      let free = this.segmentMaxRows - first.size;
      if (free > 0) {
        for (let i = 0; i < rest.length && bucket.length < MAX_SEGMENTS_TO_MERGE; ) {
          if (rest[i]!.size < free) {
            free -= rest[i]!.size;
            bucket.push(...rest.splice(i, 1));
          } else i++;
        }
      }
      buckets.push(bucket);
    }
    return buckets;
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    onNextTurn(() => {
      this.#scheduled = false;
      const plan = this.#queue.shift();
      if (plan) this.#run(plan);
      this.#schedule();
    });
  }

  #run(plan: CompactionPlan): void {
    const merged = plan.collection.data.merge(plan.sources, plan.target);
    this.#finish(plan, merged === false ? 'failed' : 'completed');
  }

  #finish(plan: CompactionPlan, state: CompactionPlanState): void {
    plan.state = state;
    for (const s of plan.sources) this.#busy.delete(s);
  }
}
