/**
 * `@mvkit/conformance`: replays Milvus documentation examples against a Milvus server (the
 * embedded reference server by default) and reports where they differ.
 *
 * @packageDocumentation
 */
export { DOCS_DIR, loadCorpus, loadData, type Page } from './corpus.js';
export { extractBlocks, documentedOutputs, parseOutput, type CodeBlock, type DocumentedOutput } from './extract.js';
export { correctedCode, correctionsText, isCodeErratum, matchOutput, sameValue, compareJson, normalizeRunDependent, PROJECTIONS, RUN_DEPENDENT, RUN_DEPENDENT_VALUE, ELLIPSIS, type Erratum, type MatchResult } from './match.js';
export { splitCommands, parseCommand, type CurlRequest, type ShellCommand } from './shell.js';
export { CURL, DOC_ENDPOINTS, checkAnswers, curlMissing, failureOf, isCurlBlock, parseRun, rewriteBlock, runCurlPage, runRestTransportPage, type CurlAnswer, type CurlPageOptions, type CurlTarget, type RawRestClient, type Rewrite } from './runners/curl.js';
export { runNodePage, transformBlock, type BlockResult, type NodeSdk, type Outcome, type Target, type TransformedBlock } from './runners/node.js';
export { JAVA_RUNNER, JAVA_PROJECT, JAVA_CACHE, checkJavaOutputs, generatePage, javaDocumentedOutputs, javaSdk, javaTarget, javaToolchain, javaValue, lexJava, pageClassName, rewriteJava, runJavaPage, splitJava, type CodeErratum, type JavaPageOptions, type JavaRewrite, type JavaTarget, type JavaToolchain, type PageProgram } from './runners/java.js';
export { PYMILVUS, PYTHON_DRIVER, PYTHON_ENV_SCRIPT, ensurePythonEnv, runPythonPage, type PythonEnv, type PythonPageOptions, type PythonTarget } from './runners/python.js';
export { MILVUS_CLI, MILVUS_CLI_DRIVER, ensureMilvusCliEnv, milvusCliCommands, runMilvusCliPage, type MilvusCliEnv, type MilvusCliPageOptions, type MilvusCliTarget } from './runners/milvus-cli.js';
export { GO_RUNNER, GO_CACHE, GO_MODULES, runGoPage, type GoModule, type GoPageOptions } from './runners/go.js';
export { replay, nodeSdks, type ClientChoice, type KnownDivergence, type ReplayOptions, type Report } from './replay.js';
export { clientLines, markdown, summaryByClient, summaryLine, textTable, writeReport } from './report.js';
