/**
 * `@mvkit/conformance`: replays Milvus documentation examples against a Milvus server (the
 * embedded reference server by default) and reports where they differ.
 *
 * @packageDocumentation
 */
export { DOCS_DIR, loadCorpus, loadData, type Page } from './corpus.js';
export { extractBlocks, documentedOutputs, parseOutput, type CodeBlock, type DocumentedOutput } from './extract.js';
export { matchOutput, sameValue, PROJECTIONS, type Erratum, type MatchResult } from './match.js';
export { runNodePage, transformBlock, type BlockResult, type NodeSdk, type Outcome, type Target, type TransformedBlock } from './runners/node.js';
export { replay, nodeSdks, type ClientChoice, type KnownDivergence, type ReplayOptions, type Report } from './replay.js';
export { markdown, summaryLine, textTable, writeReport } from './report.js';
