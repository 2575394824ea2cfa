import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The search result types, checked by the TypeScript compiler: `test/types/search-results.ts`
 * must compile with the repo's compiler options (strict, `noUncheckedIndexedAccess`), its
 * `@ts-expect-error` lines included (each must be an error, or the compile fails).
 */
describe('search result types', () => {
  it('one query vector gives SearchResultRow[], several SearchResultRow[][], an unknown count the union', () => {
    const fixture = fileURLToPath(new URL('./types/search-results.ts', import.meta.url));
    const base = fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(base, { noEmit: true, composite: false, declaration: false, declarationMap: false, sourceMap: false }, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    });
    if (!config) throw new Error('tsconfig.base.json did not parse');
    const program = ts.createProgram([fixture], config.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
    // The fixture was really checked: its source is in the program.
    expect(program.getSourceFile(fixture)).toBeDefined();
  }, 60_000);
});
