/**
 * Okapi BM25 written out independently of the engine, for tests: idf ln(1 + (N − n + 0.5)/(n + 0.5)),
 * query terms counted, avgdl over every stored document, document length in terms.
 *
 * @param terms - how a text becomes terms (a test's own rule, or an analyzer's token texts).
 * @returns one score per document, 0 where no query term occurs.
 */
export function bm25Reference(docs: readonly string[], query: string, terms: (text: string) => string[], k1 = 1.2, b = 0.75): number[] {
  const tokenised = docs.map(terms);
  const avgdl = tokenised.reduce((s, d) => s + d.length, 0) / docs.length;
  const qtf = new Map<string, number>();
  for (const w of terms(query)) qtf.set(w, (qtf.get(w) ?? 0) + 1);
  return tokenised.map((d) => {
    let score = 0;
    for (const [term, count] of qtf) {
      const tf = d.filter((w) => w === term).length;
      if (tf === 0) continue;
      const n = tokenised.filter((x) => x.includes(term)).length;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (count * idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avgdl));
    }
    return score;
  });
}
