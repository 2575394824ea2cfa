import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder holding the documentation pages, fixtures and errata. */
export const DOCS_DIR = fileURLToPath(new URL('../docs/', import.meta.url));

/** A documentation page of the corpus. */
export interface Page {
  /** File name, e.g. `manage-partitions.md`. */
  name: string;
  /** Raw text: front matter, then HTML (or Markdown). */
  text: string;
}

/** All pages of the corpus in file-name order (`docs/*.md`). */
export function loadCorpus(dir: string = DOCS_DIR): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'ORIGIN.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/** Reads a JSON data file of the corpus (`fixtures.json`, `errata.json`). */
export function loadData<T>(file: string, dir: string = DOCS_DIR): T {
  return JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as T;
}
