// Copies the code tables from the research spec folder into server/data/ (run by hand, never at build or test time):
//   node scripts/import-tables.mjs /path/to/spec
// Small tables are copied byte for byte. routing-indicators.tsv keeps its '#' source comments and only the columns
// the extension reads (ROUTING_COLUMNS); a comment line saying so is added after the source comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const specDir = process.argv[2];
if (!specDir) throw new Error('usage: node scripts/import-tables.mjs <spec-dir>');
const dataDir = new URL('../server/data/', import.meta.url).pathname;

const WHOLE = [
  'tags-subject.tsv',
  'tags-geographic.tsv',
  'tags-organization.tsv',
  'precedence.tsv',
  'classification.tsv',
  'portion-markings.tsv',
  'captions.tsv',
  'executive-orders.tsv',
];
for (const file of WHOLE) writeFileSync(join(dataDir, file), readFileSync(join(specDir, file)));

const ROUTING_COLUMNS = [
  'ri',
  'name',
  'kind',
  'family',
  'cable_count',
  'de_station_for',
  'cable_names',
  'distinct_names_in_cables',
  'acp117_2010',
  'acp117_2014',
  'note',
];
const lines = readFileSync(join(specDir, 'routing-indicators.tsv'), 'utf8').replace(/\n$/, '').split('\n');
const comments = lines.filter((line) => line.startsWith('#'));
const [header, ...rows] = lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t'));
const keep = ROUTING_COLUMNS.map((column) => {
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`routing-indicators.tsv has no column ${column}`);
  return index;
});
const out = [
  ...comments,
  `# server/data copy: only the columns ${ROUTING_COLUMNS.join(', ')} are kept (see README.md).`,
  ...[header, ...rows].map((cells) => keep.map((index) => cells[index]).join('\t')),
];
writeFileSync(join(dataDir, 'routing-indicators.tsv'), out.join('\n') + '\n');
