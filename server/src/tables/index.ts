// Code tables for cables: routing indicators, TAGS, captions, precedence, classification, portion markings, E.O.s.
// Pure lookups over the TSV files in server/data/ (bundled as text, each parsed once on first use); no LSP, no I/O.
export * from './routing';
export * from './tags';
export * from './captions';
export * from './precedence';
export * from './classification';
export * from './executiveOrders';
