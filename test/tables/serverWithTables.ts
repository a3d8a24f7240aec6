// Bundle entry for the size test: the language server plus the code tables, as the bundle will be once features use
// them (server/src/server.ts does not import the tables yet).
import '../../server/src/server';
export * from '../../server/src/tables';
