import { DataType } from '@mvkit/core';
import { AUTOINDEX_HNSW, HnswIndex, type FloatMetric, type HnswParams, type VectorIndex } from '@mvkit/hnsw';
import { paramOf } from '../indexes.js';
import type { IndexSpec } from '../catalog.js';
import { exactIndex, isBinaryMetric, type Metric, type Segment } from './segment.js';
import { onNextTurn } from './pacer.js';

/**
 * How the reference server serves an index type on a sealed segment:
 * - `HNSW` and float `AUTOINDEX` → an HNSW graph (AUTOINDEX with M=18, efConstruction=240, as Milvus);
 * - `FLAT`, `IVF_FLAT`, `IVF_SQ8`, `IVF_PQ`, `DISKANN`, `SCANN` and the binary types → exact search
 *   (the IVF family is accepted and answered exactly: recall 1, never worse than Milvus's);
 * - the sparse types (`SPARSE_INVERTED_INDEX`, `SPARSE_WAND`, sparse `AUTOINDEX`) → an exact
 *   inverted index scored by IP;
 * - a binary metric on a float vector field (which profile 2.3's checkers accept, as Milvus 2.3
 *   did) → `UNBUILT`: nothing is built and a search through it is refused.
 */
export interface IndexPlan {
  indexName: string;
  field: string;
  metric: Metric;
  kind: 'HNSW' | 'EXACT' | 'UNBUILT';
  /** HNSW `M` (max links per node on upper layers; layer 0 has 2·M). */
  M: number;
  /** HNSW `efConstruction` (candidate list size while inserting). */
  efConstruction: number;
}

/** The build plan of a collection index for a vector field. */
export function indexPlanOf(spec: IndexSpec): IndexPlan {
  const type = paramOf(spec.params, 'index_type') ?? 'AUTOINDEX';
  const metric = (paramOf(spec.params, 'metric_type') ?? 'COSINE') as Metric;
  const binary = isBinaryMetric(metric);
  const sparse = spec.fieldType === DataType.SparseFloatVector;
  const hnsw = !binary && !sparse && (type === 'HNSW' || type === 'AUTOINDEX');
  const auto = type === 'AUTOINDEX';
  const unbuilt = binary && spec.fieldType !== DataType.BinaryVector;
  return {
    indexName: spec.indexName,
    field: spec.fieldName,
    metric,
    kind: unbuilt ? 'UNBUILT' : hnsw ? 'HNSW' : 'EXACT',
    M: auto ? AUTOINDEX_HNSW.M : Number(paramOf(spec.params, 'M') ?? 16),
    efConstruction: auto ? AUTOINDEX_HNSW.efConstruction : Number(paramOf(spec.params, 'efConstruction') ?? 200),
  };
}

/**
 * How the reference server serves an index, in words (an mvkit-only answer: Milvus's DescribeIndex
 * carries only the user's parameters), e.g. `HNSW (M=18, efConstruction=240) on sealed segments;
 * growing segments searched exactly`.
 */
export function servedAs(plan: IndexPlan): string {
  if (plan.kind === 'UNBUILT') return `not served: metric ${plan.metric} cannot index a float vector field`;
  return plan.kind === 'HNSW'
    ? `HNSW (M=${plan.M}, efConstruction=${plan.efConstruction}) on sealed segments; growing segments searched exactly`
    : 'exact search on every segment';
}

/**
 * Builds an HNSW index somewhere else than on the event loop (the server's index worker): over
 * `count` vectors of `params.dim` floats packed in `vectors` (which it may take over), labels
 * `0 … count-1` in order.
 */
export type HnswBuild = (params: HnswParams, vectors: Float32Array, count: number) => Promise<HnswIndex>;

interface Job {
  segment: Segment;
  plan: IndexPlan;
  /** Built here, a slice at a time: the index being filled. */
  index?: VectorIndex;
  /** Built by {@link HnswBuild}: the vectors being packed for it. */
  packed?: Float32Array;
  /** Rows added to `index` (or packed) so far. */
  next: number;
  cancelled?: boolean;
}

/**
 * Builds sealed segments' indexes in the background, so reads and writes keep being served while
 * an index builds (the segment is searched exactly until its index is complete, then through the
 * index). HNSW graphs go to the `build` function when there is one (the server's index worker):
 * their vectors are packed in time slices here, the graph is built there. Otherwise, and for the
 * exact indexes, the build runs here in time slices of `sliceMs`.
 */
export class IndexBuilder {
  readonly #jobs: Job[] = [];
  /** Jobs handed to `build` and not back yet. */
  readonly #away = new Map<Job, Promise<void>>();
  #scheduled = false;

  /**
   * @param sliceMs - longest time one slice may hold the event loop, in ms.
   * @param build - where HNSW graphs are built; default here, in slices.
   */
  constructor(
    readonly sliceMs = 8,
    private readonly build?: HnswBuild,
  ) {}

  /** Number of index builds queued or running. */
  get pending(): number {
    return this.#jobs.length + this.#away.size;
  }

  /** Queues the build of `plan` for a sealed segment (replacing a queued build of the same field); an `UNBUILT` plan is not built. */
  enqueue(segment: Segment, plan: IndexPlan): void {
    if (plan.kind === 'UNBUILT') return;
    this.cancel(segment, plan.field);
    this.#jobs.push(this.#job(segment, plan, this.build !== undefined));
    this.#schedule();
  }

  /** Cancels queued and running builds of `field` on `segment` (all fields when omitted). */
  cancel(segment: Segment, field?: string): void {
    const hit = (job: Job) => job.segment === segment && (field === undefined || job.plan.field === field);
    for (let i = this.#jobs.length - 1; i >= 0; i--) if (hit(this.#jobs[i]!)) this.#jobs.splice(i, 1);
    for (const job of this.#away.keys()) if (hit(job)) job.cancelled = true;
  }

  /** Drops every queued build and ignores the running ones (the segments stay searched exactly). */
  clear(): void {
    this.#jobs.length = 0;
    for (const job of this.#away.keys()) job.cancelled = true;
  }

  /** Finishes every queued and running build (used by tests and benchmarks). */
  async drain(): Promise<void> {
    while (this.pending > 0) {
      while (this.#jobs.length) this.#work(Number.POSITIVE_INFINITY);
      await Promise.all(this.#away.values());
    }
  }

  #job(segment: Segment, plan: IndexPlan, away: boolean): Job {
    const dim = segment.vectorDims.get(plan.field)!;
    if (plan.kind !== 'HNSW') return { segment, plan, index: exactIndex(dim, plan.metric), next: 0 };
    if (away) return { segment, plan, packed: new Float32Array(segment.size * dim), next: 0 };
    return { segment, plan, index: new HnswIndex({ ...this.#hnswParams(segment, plan), capacity: segment.size }), next: 0 };
  }

  #hnswParams(segment: Segment, plan: IndexPlan): HnswParams {
    const dim = segment.vectorDims.get(plan.field)!;
    return { dim, metric: plan.metric as FloatMetric, M: plan.M, efConstruction: plan.efConstruction, seed: Number(segment.id % 2147483647n) };
  }

  #schedule(): void {
    if (this.#scheduled || this.#jobs.length === 0) return;
    this.#scheduled = true;
    onNextTurn(() => {
      this.#scheduled = false;
      this.#work(this.sliceMs);
      this.#schedule();
    });
  }

  #work(budgetMs: number): void {
    const job = this.#jobs[0];
    if (!job) return;
    try {
      this.#fill(job, budgetMs);
    } catch {
      // An index that cannot be built (memory it cannot get, a kernel refusing the vectors) is
      // dropped: its segment stays searched exactly, as before the build; nothing else stops.
      if (this.#jobs[0] === job) this.#jobs.shift();
    }
  }

  /** Adds rows of `job` for up to `budgetMs`, then, once every row is in, finishes or hands it off. */
  #fill(job: Job, budgetMs: number): void {
    const deadline = performance.now() + budgetMs;
    const { segment, plan, index, packed } = job;
    const dim = segment.vectorDims.get(plan.field)!;
    while (job.next < segment.size) {
      const vector = segment.rows[job.next]![plan.field] as Float32Array;
      if (packed) packed.set(vector, job.next * dim);
      else index!.add(vector, job.next);
      job.next++;
      // One insertion into a high-dimensional graph can take milliseconds: check after each one.
      if (performance.now() > deadline) return;
    }
    this.#jobs.shift();
    if (index) this.#done(job, index);
    else this.#send(job);
  }

  /** Hands a packed job to `build`; if that fails (the worker stopped), the job is queued again to be built here. */
  #send(job: Job): void {
    const { segment, plan } = job;
    const sent = this.build!(this.#hnswParams(segment, plan), job.packed!, segment.size).then(
      (index) => {
        if (!job.cancelled) this.#done(job, index);
      },
      () => {
        if (job.cancelled) return;
        this.#jobs.push(this.#job(segment, plan, false));
        this.#schedule();
      },
    );
    job.packed = undefined;
    this.#away.set(
      job,
      sent.finally(() => this.#away.delete(job)),
    );
  }

  #done(job: Job, index: VectorIndex): void {
    const { segment, plan } = job;
    segment.built.set(plan.field, { indexName: plan.indexName, metric: plan.metric, index });
    segment.releaseExact(plan.field);
  }
}
