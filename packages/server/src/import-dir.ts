import { isAbsolute, relative, resolve, sep } from 'node:path';
import { importFailed, type ImportSource } from './engine/index.js';

/** Whether `path` is `root` itself or lies below it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The {@link ImportSource} of a server started with `importDir`: import paths are resolved
 * relative to the directory (an absolute path must lie inside it), and a path that leaves it —
 * through `..`, as an absolute path elsewhere, or through a symbolic link — is refused, as is
 * anything but a regular file.
 * @param dir - the import directory; resolved against the working directory.
 */
export function importDirSource(dir: string): ImportSource {
  // Loaded here, not by an import: a server started without an import directory does not load it.
  const { readFile, realpath, stat } = process.getBuiltinModule('node:fs/promises');
  const root = async (): Promise<string> => {
    try {
      return await realpath(resolve(dir));
    } catch {
      throw importFailed(`the import directory '${dir}' does not exist`);
    }
  };
  /** The real path of an import path, checked to stay inside the directory. @throws MilvusError 2100 */
  const locate = async (path: string): Promise<string> => {
    const base = await root();
    const lexical = resolve(base, path);
    if (!inside(base, lexical)) throw importFailed(`the import file path '${path}' is outside the import directory`);
    let real: string;
    try {
      real = await realpath(lexical);
    } catch {
      throw importFailed(`the import file '${path}' does not exist`);
    }
    if (!inside(base, real)) throw importFailed(`the import file path '${path}' is outside the import directory`);
    if (!(await stat(real)).isFile()) throw importFailed(`the import file '${path}' is not a file`);
    return real;
  };
  return {
    async size(path) {
      return (await stat(await locate(path))).size;
    },
    async read(path) {
      return new Uint8Array(await readFile(await locate(path)));
    },
  };
}
