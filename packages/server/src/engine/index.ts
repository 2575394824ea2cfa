export * from './catalog.js';
export * from './engine.js';
export * from './indexes.js';
export * from './names.js';
export * from './schema.js';
export * from './tso.js';
