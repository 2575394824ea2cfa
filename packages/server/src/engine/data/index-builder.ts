import { AUTOINDEX_HNSW, HnswIndex, type VectorIndex } from '@mvkit/hnsw';
import { paramOf } from '../indexes.js';
import type { IndexSpec } from '../catalog.js';
import { exactIndex, type Metric, type Segment } from './segment.js';

/**
 * How the reference server serves an index type on a sealed segment:
 * - `HNSW` and float `AUTOINDEX` → an HNSW graph (AUTOINDEX with M=18, efConstruction=240, as Milvus);
 * - `FLAT`, `IVF_FLAT`, `IVF_SQ8`, `IVF_PQ`, `DISKANN`, `SCANN` and the binary types → exact search
 *   (the IVF family is accepted and answered exactly: recall 1, never worse than Milvus's).
 */
export interface IndexPlan {
  indexName: string;
  field: string;
  metric: Metric;
  kind: 'HNSW' | 'EXACT';
  /** HNSW `M` (max links per node on upper layers; layer 0 has 2·M). */
  M: number;
  /** HNSW `efConstruction` (candidate list size while inserting). */
  efConstruction: number;
}

/** The build plan of a collection index for a vector field. */
export function indexPlanOf(spec: IndexSpec): IndexPlan {
  const type = paramOf(spec.params, 'index_type') ?? 'AUTOINDEX';
  const metric = (paramOf(spec.params, 'metric_type') ?? 'COSINE') as Metric;
  const binary = metric === 'HAMMING' || metric === 'JACCARD';
  const hnsw = !binary && (type === 'HNSW' || type === 'AUTOINDEX');
  const auto = type === 'AUTOINDEX';
  return {
    indexName: spec.indexName,
    field: spec.fieldName,
    metric,
    kind: hnsw ? 'HNSW' : 'EXACT',
    M: auto ? AUTOINDEX_HNSW.M : Number(paramOf(spec.params, 'M') ?? 16),
    efConstruction: auto ? AUTOINDEX_HNSW.efConstruction : Number(paramOf(spec.params, 'efConstruction') ?? 200),
  };
}

/**
 * How the reference server serves an index, in words, as the gRPC DescribeIndex answer reports it
 * (extra parameter `mvkit.served_as`), e.g. `HNSW (M=18, efConstruction=240) on sealed segments;
 * growing segments searched exactly`.
 */
export function servedAs(plan: IndexPlan): string {
  return plan.kind === 'HNSW'
    ? `HNSW (M=${plan.M}, efConstruction=${plan.efConstruction}) on sealed segments; growing segments searched exactly`
    : 'exact search (FLAT) on every segment';
}

/** Key of the DescribeIndex parameter that says how an index is served. */
export const SERVED_AS_PARAM = 'mvkit.served_as';

interface Job {
  segment: Segment;
  plan: IndexPlan;
  index: VectorIndex;
  next: number;
}

/**
 * Builds sealed segments' indexes in the background, in time slices on the event loop, so reads
 * and writes keep being served while an index builds (the segment is searched exactly until its
 * index is complete, then through the index).
 */
export class IndexBuilder {
  readonly #jobs: Job[] = [];
  #scheduled = false;

  /**
   * @param sliceMs - longest time one slice may hold the event loop, in ms.
   */
  constructor(readonly sliceMs = 8) {}

  /** Number of index builds queued or running. */
  get pending(): number {
    return this.#jobs.length;
  }

  /** Queues the build of `plan` for a sealed segment (replacing a queued build of the same field). */
  enqueue(segment: Segment, plan: IndexPlan): void {
    this.cancel(segment, plan.field);
    const dim = segment.vectorDims.get(plan.field)!;
    const index =
      plan.kind === 'HNSW'
        ? new HnswIndex({ dim, metric: plan.metric as 'L2' | 'IP' | 'COSINE', M: plan.M, efConstruction: plan.efConstruction, capacity: segment.size, seed: Number(segment.id % 2147483647n) })
        : exactIndex(dim, plan.metric);
    this.#jobs.push({ segment, plan, index, next: 0 });
    this.#schedule();
  }

  /** Cancels queued builds of `field` on `segment` (all fields when omitted). */
  cancel(segment: Segment, field?: string): void {
    for (let i = this.#jobs.length - 1; i >= 0; i--) {
      const job = this.#jobs[i]!;
      if (job.segment === segment && (field === undefined || job.plan.field === field)) this.#jobs.splice(i, 1);
    }
  }

  /** Drops every queued build (the segments stay searched exactly). */
  clear(): void {
    this.#jobs.length = 0;
  }

  /** Finishes every queued build now, synchronously (used by tests and benchmarks). */
  drain(): void {
    while (this.#jobs.length) this.#work(Number.POSITIVE_INFINITY);
  }

  #schedule(): void {
    if (this.#scheduled || this.#jobs.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#work(this.sliceMs);
      this.#schedule();
    });
  }

  #work(budgetMs: number): void {
    const deadline = performance.now() + budgetMs;
    const job = this.#jobs[0];
    if (!job) return;
    const { segment, plan, index } = job;
    while (job.next < segment.size) {
      index.add(segment.rows[job.next]![plan.field] as Float32Array, job.next);
      job.next++;
      // One insertion into a high-dimensional graph can take milliseconds: check after each one.
      if (performance.now() > deadline) return;
    }
    this.#jobs.shift();
    segment.built.set(plan.field, { indexName: plan.indexName, metric: plan.metric, index });
    segment.releaseExact(plan.field);
  }
}
