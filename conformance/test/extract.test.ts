import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus.js';
import { documentedOutputs, extractBlocks } from '../src/extract.js';

const corpus = loadCorpus();
const page = (name: string) => extractBlocks(corpus.find((p) => p.name === name)!);
const count = (name: string) => {
  const out: Record<string, number> = {};
  for (const b of page(name)) out[b.language] = (out[b.language] ?? 0) + 1;
  return out;
};

describe('extractor on the real corpus', () => {
  it('finds the four pages', () => {
    expect(corpus.map((p) => p.name)).toEqual(['create_drop_collection_python.md', 'drop_partition.md', 'manage-partitions.md', 'release_partition.md']);
  });

  it('counts blocks per language per page', () => {
    expect(count('manage-partitions.md')).toEqual({ python: 6, java: 6, javascript: 6, go: 6, bash: 6 });
    expect(count('drop_partition.md')).toEqual({ python: 1, javascript: 1, go: 1, java: 1, shell: 1, curl: 1 });
    expect(count('release_partition.md')).toEqual({ python: 1, javascript: 1, go: 1, java: 1, shell: 1, curl: 1 });
    expect(count('create_drop_collection_python.md')).toEqual({ python: 3 });
  });

  it('groups the tabs of one example together', () => {
    const blocks = page('manage-partitions.md');
    const groups = new Set(blocks.map((b) => b.group));
    expect(groups.size).toBe(6);
    expect(blocks.filter((b) => b.group === blocks[0]!.group).map((b) => b.language)).toEqual(['python', 'java', 'javascript', 'go', 'bash']);
  });

  it('parses the documented outputs of the JavaScript blocks', () => {
    const js = page('manage-partitions.md').filter((b) => b.language === 'javascript');
    expect(js.map((b) => b.documentedOutputs.map((o) => o.value))).toEqual([
      [['_default']],
      [['_default', 'partitionA']],
      [true],
      ['LoadStateLoaded'],
      ['LoadStateNotLoaded'],
      [['_default']],
    ]);
    expect(js[0]!.code).toContain('import { MilvusClient, DataType } from "@zilliz/milvus2-sdk-node";');
  });

  it('parses the JSON documented after each cURL command', () => {
    const curl = page('manage-partitions.md').filter((b) => b.language === 'bash');
    expect(curl[1]!.documentedOutputs.map((o) => o.value)).toEqual([
      { code: 0, data: {} },
      { code: 0, data: ['_default', 'partitionA'] },
    ]);
  });

  it('reads Output markers in other comment styles', () => {
    expect(documentedOutputs('python', 'print(x)\n# Output\n#\n# {"a": 1}\n')).toEqual([{ text: '{"a": 1}', value: { a: 1 } }]);
    expect(documentedOutputs('javascript', 'f()\n')).toEqual([]);
  });
});
