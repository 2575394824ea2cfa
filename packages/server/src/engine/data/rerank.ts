/**
 * The rankers of a hybrid search (Milvus 2.5's `reScorer.go`): `rrf` and `weighted`, read from the
 * `strategy` and `params` rank parameters as `NewReScorers` reads them, and the score each gives
 * a hit of one sub-search. Scores are float32 values, computed in float32 steps as Go does.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import { scanGoJson } from '../../gojson.js';
import type { KeyValue } from '../catalog.js';
import { paramOf } from '../indexes.js';
import type { Metric } from './segment.js';

/** `k` of an `rrf` ranker when no strategy is given (`defaultRRFParamsValue`). */
export const DEFAULT_RRF_K = 60;

/** `k` must lie in (0, this) (`maxRRFParamsValue`). */
export const MAX_RRF_K = 16384;

const f32 = Math.fround;
const PI32 = f32(Math.PI);

/**
 * A ranker, as `NewReScorers` builds one per sub-search: `rrf` scores a hit by its rank alone,
 * `weighted` by its sub-search's weight times its (optionally normalised) score.
 */
export type Ranker = { strategy: 'rrf'; k: number } | { strategy: 'weighted'; weights: number[]; normScore: boolean };

/**
 * `json.Unmarshal` of the `params` rank parameter into a `map[string]interface{}`: Go's syntax
 * messages, `null` as an empty map, and a value of another JSON type refused as Go refuses it.
 * @throws MilvusError 65535 with Go's message.
 */
function unmarshalParams(text: string): Record<string, unknown> {
  const scan = scanGoJson(text);
  if (scan.kind !== 'value') throw new MilvusError(scan.kind === 'eof' || scan.message === 'unexpected EOF' ? 'unexpected end of JSON input' : scan.message);
  const rest = text.slice(scan.end).trimStart();
  if (rest) throw new MilvusError(`invalid character '${rest[0]}' after top-level value`);
  const value: unknown = JSON.parse(text);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
    throw new MilvusError(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  return value as Record<string, unknown>;
}

/**
 * The ranker of a hybrid search of `requestCount` sub-searches, as `NewReScorers` reads the rank
 * parameters: no `strategy` means `rrf` with k = {@link DEFAULT_RRF_K}; otherwise `params` (a JSON
 * object) holds `k` (`rrf`, a number in (0, {@link MAX_RRF_K})) or `weights` (`weighted`, one number
 * in [0, 1] per sub-search) and `norm_score` (default true).
 * @throws MilvusError 65535 `unsupported rank type <s>`, `params not found in rank_params`, Go's
 *   JSON errors, `k not found in rank_params`, `The type of rank param k should be float`, `The rank
 *   params k should be in range (0, 16384)`, `weights not found in rank_params`, `The weights param
 *   should be an array`, `The type of rank param weight should be float`, `rank param weight should
 *   be in range [0, 1]`, `The type of rank param norm_score should be bool` (a guess: Milvus panics);
 *   1100 `the length of weights param mismatch with ann search requests: invalid
 *   parameter[expected=<n>][actual=<m>]`.
 */
export function rankerOf(rankParams: readonly KeyValue[], requestCount: number): Ranker {
  const strategy = paramOf(rankParams, 'strategy');
  if (strategy === undefined) return { strategy: 'rrf', k: DEFAULT_RRF_K };
  if (strategy !== 'rrf' && strategy !== 'weighted') throw new MilvusError(`unsupported rank type ${strategy}`);
  const text = paramOf(rankParams, 'params');
  if (text === undefined) throw new MilvusError('params not found in rank_params');
  const params = unmarshalParams(text);
  if (strategy === 'rrf') {
    if (!('k' in params)) throw new MilvusError('k not found in rank_params');
    const k = params.k;
    if (typeof k !== 'number') throw new MilvusError('The type of rank param k should be float');
    if (k <= 0 || k >= MAX_RRF_K) throw new MilvusError(`The rank params k should be in range (0, ${MAX_RRF_K})`);
    return { strategy, k: f32(k) };
  }
  if (!('weights' in params)) throw new MilvusError('weights not found in rank_params');
  let normScore = true;
  if ('norm_score' in params) {
    if (typeof params.norm_score !== 'boolean') throw new MilvusError('The type of rank param norm_score should be bool');
    normScore = params.norm_score;
  }
  if (!Array.isArray(params.weights)) throw new MilvusError('The weights param should be an array');
  const weights: number[] = [];
  for (const w of params.weights as unknown[]) {
    if (typeof w !== 'number') throw new MilvusError('The type of rank param weight should be float');
    if (w < 0 || w > 1) throw new MilvusError('rank param weight should be in range [0, 1]');
    weights.push(f32(w));
  }
  if (weights.length !== requestCount) {
    throw MilvusError.parameterInvalid('the length of weights param mismatch with ann search requests', { expected: requestCount, actual: weights.length });
  }
  return { strategy, weights, normScore };
}

/**
 * `norm_score`'s normalisation of a sub-search score into [0, 1] by its metric (float32 steps, as
 * `getActivateFunc`): COSINE `(1 + s) / 2`, IP `1/2 + atan(s)/π`, BM25 `2·atan(s)/π`, any other metric (a distance:
 * L2, HAMMING, JACCARD…) `1 - 2·atan(s)/π`.
 */
function normalised(metric: Metric, score: number): number {
  if (metric === 'COSINE') return f32(f32(1 + score) * 0.5);
  const atan = f32(Math.atan(score));
  if (metric === 'IP') return f32(0.5 + f32(atan / PI32));
  if (metric === 'BM25') return f32(f32(2 * atan) / PI32);
  return f32(1 - f32(f32(2 * atan) / PI32));
}

/**
 * The score a ranker gives the hit at `rank` (from 0) of sub-search `request` whose own score is
 * `score` by `metric`: `rrf` 1 / (k + rank + 1); `weighted` weight × score, normalised first when
 * `norm_score`.
 */
export function rescore(ranker: Ranker, request: number, rank: number, score: number, metric: Metric): number {
  if (ranker.strategy === 'rrf') return f32(1 / f32(ranker.k + (rank + 1)));
  const weight = ranker.weights[request]!;
  return f32(weight * (ranker.normScore ? normalised(metric, score) : score));
}
