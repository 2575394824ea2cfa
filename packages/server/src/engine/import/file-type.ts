import { importFailed } from './source.js';

/** The formats bulk import reads (`importutilv2.FileType`). */
export type ImportFileType = 'json' | 'numpy' | 'parquet';

const EXTENSIONS: Readonly<Record<string, ImportFileType>> = { '.json': 'json', '.npy': 'numpy', '.parquet': 'parquet' };

/** The extension of a path as Go's `filepath.Ext`: from the last `.` of the last element, or `''`. */
function extOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
}

/**
 * The format of one import file group, as `importutilv2.GetFileType` decides it: every path with
 * the same extension; `.json` and `.parquet` groups hold exactly one file, `.npy` groups one file
 * per field.
 * @throws MilvusError 2100 `no file to import`, `inconsistency in file types, (<a>) vs (<b>)`,
 *   `for JSON or parquet file, each task only accepts one file` or `unexpect file type, files=[<paths>]`.
 */
export function fileTypeOf(paths: readonly string[]): ImportFileType {
  if (paths.length === 0) throw importFailed('no file to import');
  const ext = extOf(paths[0]!);
  for (const p of paths.slice(1)) if (extOf(p) !== ext) throw importFailed(`inconsistency in file types, (${paths[0]}) vs (${p})`);
  const type = EXTENSIONS[ext];
  if (!type) throw importFailed(`unexpect file type, files=[${paths.join(' ')}]`);
  if (type !== 'numpy' && paths.length !== 1) throw importFailed('for JSON or parquet file, each task only accepts one file');
  return type;
}
