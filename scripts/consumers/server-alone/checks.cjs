// What an installed @mvkit/server must do with nothing beside it, given its modules as one build
// (ESM or CommonJS) loads them (`runtime.mjs`, `runtime.cjs`): jieba analyzers from the package
// entry and from `./rest` (the wasm shipped in dist/), a long filter prepared in the decode worker
// and sealed segments built in the index worker (threads that run the package's own built files).

/** `[words of '.', words of './rest', rows the decode worker's filter kept, index progress]`. */
async function check(server, rest) {
  const words = (create) => create('{"tokenizer":"jieba"}')('南京市长江大桥').map((t) => t.text);
  const decoder = new server.DecodeWorker();
  const builder = new server.IndexWorker();
  try {
    const filtered = new server.Engine({ prepareFilter: decoder.filterPreparer() });
    filtered.createCollectionQuick({ collection_name: 'c', dimension: 2 });
    await filtered.insert({ collectionName: 'c', rows: Array.from({ length: 100 }, (_, i) => ({ id: BigInt(i), vector: [i, 1] })) });
    filtered.loadCollection({ collectionName: 'c' });
    const ids = Array.from({ length: 20_000 }, (_, i) => i * 3);
    const { rows } = await filtered.query({ collectionName: 'c', filter: `id in [${ids.join(',')}]`, outputFields: ['id'] });
    const indexed = new server.Engine({ segmentMaxRows: 600, buildHnsw: builder.build });
    indexed.createCollectionQuick({ collection_name: 'c', dimension: 4, metric_type: 'L2' });
    await indexed.insert({ collectionName: 'c', rows: Array.from({ length: 1500 }, (_, i) => ({ id: BigInt(i), vector: [i % 7, i % 5, i % 3, 1] })) });
    await indexed.indexBuilder.drain();
    const threads = { decoder: decoder.running, builder: builder.running };
    return { jieba: words(server.createAnalyzer), jiebaRest: words(rest.createAnalyzer), filteredRows: rows.length, index: indexed.collectionOf({ collectionName: 'c' }).data.indexProgress('vector'), threads };
  } finally {
    await Promise.all([decoder.close(), builder.close()]);
  }
}

module.exports = { check };
