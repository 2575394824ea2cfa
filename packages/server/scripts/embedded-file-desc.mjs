// Runtime half of the bin's embedded descriptors (scripts/embedded-descriptors.mjs, decision 0011):
// bundled into dist/mvkit-bundle.cjs in place of protobuf-es's `fileDesc`, it builds a file descriptor
// from the JSON of its `FileDescriptorProto`, hydrated at build time, instead of decoding base64 and
// protobuf binary with protobuf-es's reflective `fromBinary` at every start.
import { createFileRegistry } from '@bufbuild/protobuf';

/**
 * Gives every message of a parsed `FileDescriptorProto` tree (plain objects with `$typeName`) the
 * prototype protobuf-es gives it: the zero values of its fields with explicit presence, so that an
 * unset field reads as its default and is not an own property (protobuf-es's "is set"). The
 * messages of a type share one prototype per file (`defaults[typeName]`), set in place (half the
 * time of copying each object onto a new one). No module state: the generated files of
 * protobuf-es's well-known types that import this module are imported by `@bufbuild/protobuf`,
 * which this module imports, so they run before this module's body.
 * @param {object} value an object or array of the tree
 * @param {Record<string, Record<string, unknown>>} defaults field defaults per `$typeName` (only the types whose messages have a prototype)
 */
function revive(value, defaults) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (value[i] !== null && typeof value[i] === 'object') revive(value[i], defaults);
    return;
  }
  for (const key in value) {
    const v = value[key];
    if (v !== null && typeof v === 'object') revive(v, defaults);
  }
  const prototype = defaults[value.$typeName];
  if (prototype !== undefined) Object.setPrototypeOf(value, prototype);
}

/**
 * The file descriptor of an embedded file, as protobuf-es's `fileDesc(base64, imports)` hydrates it.
 * @param {string} json `{ "defaults": {...}, "file": FileDescriptorProto }` from `embeddedDescriptorJson`
 * @param {import('@bufbuild/protobuf').DescFile[] | undefined} imports the files it imports
 * @returns {import('@bufbuild/protobuf').DescFile}
 */
export function embeddedFileDesc(json, imports) {
  const { defaults, file } = JSON.parse(json);
  revive(file, defaults);
  return createFileRegistry(file, (name) => imports?.find((f) => f.proto.name === name)).getFile(file.name);
}
