// Code tables for cables: routing indicators, TAGS, captions, precedence, classification, portion markings, E.O.s.
// Pure lookups over the TSV files in server/data/ (bundled as text, each parsed once on first use); no LSP, no I/O.
// The user's own routing indicators, TAGS codes and captions (extra.ts) are a layer over the built-in tables.
export * from './routing';
export * from './tags';
export * from './captions';
export * from './precedence';
export * from './classification';
export * from './executiveOrders';
export * from './extra';
export * from './codeTables';
export * from './posts';
