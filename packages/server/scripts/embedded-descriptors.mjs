// Build-time half of the bin's embedded descriptors (decision 0011). protobuf-es's generated files
// (`@mvkit/proto`'s src/gen/**/*_pb.ts, and protobuf-es's own well-known types, which its JSON
// codec imports) hydrate each `.proto` file at import with
// `fileDesc(base64, imports)`: base64, then protobuf-es's reflective `fromBinary` of a
// `FileDescriptorProto` (booting descriptor.proto's own registry first), interpreted at every start:
// ~40% of evaluating the bin's bundle. This plugin hydrates them once, at build time, with
// protobuf-es's own `fileDesc`, and puts the resulting `FileDescriptorProto` into the bundle as
// JSON for `embeddedFileDesc` (scripts/embedded-file-desc.mjs), which the native JSON parser reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileDesc } from '@bufbuild/protobuf/codegenv2';
import { file_google_protobuf_descriptor } from '@bufbuild/protobuf/wkt';

/** `export const file_x: GenFile = fileDesc("<base64>", [imports])`, as protoc-gen-es writes it (in TypeScript or JavaScript). */
const EMBEDDED_FILE = /(export const (file_\w+)(?:: GenFile)? = \/\*@__PURE__\*\/\s*)fileDesc\("([A-Za-z0-9+/]*={0,2})"(?:, \[([\w, ]*)\])?\);/g;
/** Generated files that protobuf-es hydrates itself, not from base64 (`boot`): they stay as they are. */
const BOOTED = new Map([['file_google_protobuf_descriptor', file_google_protobuf_descriptor]]);
const HELPER = fileURLToPath(new URL('embedded-file-desc.mjs', import.meta.url));

/**
 * The JSON `embeddedFileDesc` reads back: `{ defaults, file }`, `file` the file's hydrated
 * `FileDescriptorProto` (own properties: the fields that are set) and `defaults` the prototype of
 * each of its message types that has one (the zero values of its fields with explicit presence).
 * @param {import('@bufbuild/protobuf').DescFile} desc a file descriptor hydrated by protobuf-es
 * @returns {string}
 * @throws Error when the tree holds what JSON cannot carry (bytes, 64-bit integers) or a message type with two prototypes
 */
export function embeddedDescriptorJson(desc) {
  const defaults = {};
  const collect = (value) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(collect);
    if (ArrayBuffer.isView(value)) return; // refused below, as not JSON
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype) {
      if (Object.getPrototypeOf(prototype) !== Object.prototype) throw new Error(`${value.$typeName}: a prototype chain deeper than one`);
      const own = JSON.stringify({ ...prototype });
      const seen = defaults[value.$typeName];
      if (seen !== undefined && JSON.stringify(seen) !== own) throw new Error(`${value.$typeName}: two different prototypes`);
      defaults[value.$typeName] = { ...prototype };
    }
    Object.values(value).forEach(collect);
  };
  collect(desc.proto);
  return JSON.stringify({ defaults, file: desc.proto }, (key, value) => {
    if (typeof value === 'bigint' || typeof value === 'function' || value instanceof Uint8Array) throw new Error(`${desc.name}: ${key} is not JSON`);
    return value;
  });
}

/** The generated files under `dir`: `*_pb.ts` or `*_pb.js`. */
const generatedFiles = (dir) => readdirSync(dir, { recursive: true }).filter((name) => /_pb\.[jt]s$/.test(name)).map((name) => join(dir, name));

/**
 * Every embedded file of the generated files under `genDirs`, by its generated name
 * (`file_milvus_proto_common_common`), hydrated by protobuf-es.
 * @throws Error when a generated file calls `fileDesc` in another form than protoc-gen-es's
 */
function hydrateAll(genDirs) {
  const sources = new Map();
  for (const path of genDirs.flatMap(generatedFiles)) {
    const text = readFileSync(path, 'utf8');
    const embedded = [...text.matchAll(EMBEDDED_FILE)];
    if (embedded.length !== 1 && text.includes('fileDesc(')) throw new Error(`${path}: ${embedded.length} embedded files where protoc-gen-es writes one (a new protoc-gen-es?)`);
    for (const [, , id, b64, imports] of embedded) {
      if (sources.has(id)) throw new Error(`${id} is generated twice`);
      sources.set(id, { b64, imports: imports ? imports.split(', ') : [] });
    }
  }
  const files = new Map(BOOTED);
  const hydrate = (id) => {
    if (files.has(id)) return files.get(id);
    const source = sources.get(id);
    if (source === undefined) throw new Error(`${id}: imported but not generated under ${genDirs.join(', ')}`);
    const desc = fileDesc(source.b64, source.imports.map(hydrate));
    files.set(id, desc);
    return desc;
  };
  for (const id of sources.keys()) hydrate(id);
  return files;
}

/**
 * esbuild plugin: every `fileDesc("<base64>", [imports])` of a generated file under `genDirs`
 * becomes `embeddedFileDesc("<json>", [imports])`.
 * @param {string[]} genDirs directories of generated `*_pb.ts` / `*_pb.js` files, absolute, as esbuild loads them (symbolic links resolved)
 * @throws Error (at build) when a generated file calls `fileDesc` in another form than protoc-gen-es's
 */
export function embeddedDescriptorsPlugin(genDirs) {
  return {
    name: 'mvkit-embedded-descriptors',
    setup(build) {
      const files = hydrateAll(genDirs);
      const escape = (dir) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const filter = new RegExp(`^(${genDirs.map(escape).join('|')}).*_pb\\.[jt]s$`);
      build.onLoad({ filter }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes('fileDesc(')) return undefined;
        const embedded = source.replace(EMBEDDED_FILE, (_, head, id, _b64, imports) => `${head}embeddedFileDesc(${JSON.stringify(embeddedDescriptorJson(files.get(id)))}${imports ? `, [${imports}]` : ''});`);
        return { contents: `import { embeddedFileDesc } from ${JSON.stringify(HELPER)};\n${embedded}`, loader: path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}
