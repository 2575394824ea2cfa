import { Merr, MilvusError } from '@mvkit/core';

/**
 * Where bulk import reads its files: the role of Milvus's object storage (the bucket and root
 * path its `chunkManager` reads import files from). Paths are the strings of the import request,
 * relative to the source's root. The engine reads nothing else; the server passes a directory
 * (`importDirSource`), tests may pass any implementation.
 */
export interface ImportSource {
  /**
   * The size in bytes of the file at `path`, checked before anything is read.
   * @throws MilvusError 2100 for a path outside the root or a file that does not exist.
   */
  size(path: string): Promise<number>;
  /**
   * The whole content of the file at `path`.
   * @throws MilvusError 2100 as {@link ImportSource.size}.
   */
  read(path: string): Promise<Uint8Array>;
}

/** A MilvusError 2100 (`merr.WrapErrImportFailed`): `<reason>: importing data failed`. */
export function importFailed(reason: string): MilvusError {
  return MilvusError.of(Merr.ImportFailed, `${reason}: ${Merr.ImportFailed.message}`);
}
