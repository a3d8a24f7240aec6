// Routing indicators (RIs): the station addresses of the ACP-127 style header (DE line, precedence line, 'RI/NAME'
// address lines). Data: server/data/routing-indicators.tsv.
import routingTsv from '../../data/routing-indicators.tsv';
import { ExtraEntry } from './extra';
import { lazy, parseTsv, Row, splitList, toCount } from './tsv';

const COLUMNS = [
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
] as const;
type RoutingRow = Row<(typeof COLUMNS)[number]>;

export interface NameCount {
  name: string;
  count: number;
}

export interface RoutingIndicatorInfo {
  /** The RI looked up. */
  ri: string;
  /** The table entry that matched: the RI itself or an ACP 117 block such as 'RHFJAAA THRU RHFJAAZ'. */
  entry: string;
  /** Most frequent name seen with the RI in cables, else the ACP 117 decode (2014, then 2010); undefined if neither. */
  name?: string;
  /** True when `name` comes from the cables rather than from an ACP 117 decode. */
  nameFromCables: boolean;
  /** Heuristic label from the table: us-diplomatic-post, state-department, military-defense, us-agency, ... */
  kind: string;
  /** First four letters. */
  family: string;
  /** Cables in the sample that name the RI in an address line or on the DE line. */
  cableCount: number;
  /** Plain-language names seen with the RI in cables, most frequent first (the table keeps at most 8). */
  cableNames: NameCount[];
  /** How many different names were seen with the RI in cables (may exceed cableNames.length). */
  distinctNamesInCables: number;
  /** FM-line names of cables this RI transmitted (DE line); empty when never seen as a DE station. */
  deStationFor: string[];
  /** Official decodes (ACP 117 CAN-US SUPP-1, 2015 and 2011 editions). */
  acp117_2014?: string;
  acp117_2010?: string;
  note?: string;
  /** The user's table file that names the RI (cable.tables.extra); its name replaces the built-in one. */
  source?: string;
}

const RI_SHAPE = /^R[A-Z]{3,6}$/;
const RANGE = /^(R[A-Z]{3,6}) THRU (R[A-Z]{3,6})$/;

/** True for 'R' followed by 3 to 6 capital letters (RUEHC, RUEHDBU, RHMFISS). */
export function isRoutingIndicatorShape(token: string): boolean {
  return RI_SHAPE.test(token);
}

interface RangeRow {
  from: string;
  to: string;
  row: RoutingRow;
}

const table = lazy(() => {
  const byRi = new Map<string, RoutingRow>();
  const ranges: RangeRow[] = [];
  const rows = parseTsv(routingTsv, COLUMNS);
  for (const row of rows) {
    const range = RANGE.exec(row.ri);
    if (range) ranges.push({ from: range[1], to: range[2], row });
    else byRi.set(row.ri, row);
  }
  return { rows, byRi, ranges };
});

function parseNameCounts(cell: string): NameCount[] {
  return splitList(cell).map((entry) => {
    const match = /^(.*) \((\d+)\)$/.exec(entry);
    return match ? { name: match[1], count: Number(match[2]) } : { name: entry, count: 0 };
  });
}

/** The table's name (most frequent in cables), else the ACP 117 decode, 2014 then 2010; '' when none. */
function displayName(row: RoutingRow): string {
  return row.name || row.acp117_2014 || row.acp117_2010;
}

function info(ri: string, row: RoutingRow): RoutingIndicatorInfo {
  const cableNames = parseNameCounts(row.cable_names);
  const name = displayName(row) || undefined;
  return {
    ri,
    entry: row.ri,
    name,
    nameFromCables: name !== undefined && cableNames.some((n) => n.name === name),
    kind: row.kind,
    family: row.family,
    cableCount: toCount(row.cable_count),
    cableNames,
    distinctNamesInCables: toCount(row.distinct_names_in_cables),
    deStationFor: splitList(row.de_station_for),
    acp117_2014: row.acp117_2014 || undefined,
    acp117_2010: row.acp117_2010 || undefined,
    note: row.note || undefined,
  };
}

function builtInRoutingIndicator(key: string): RoutingIndicatorInfo | undefined {
  const { byRi, ranges } = table();
  const row = byRi.get(key);
  if (row) return info(key, row);
  const range = ranges.find((r) => key.length === r.from.length && key >= r.from && key <= r.to);
  return range && info(key, range.row);
}

/** A user's entry over the built-in one (its name first), or on its own. */
function withUserEntry(ri: string, builtIn: RoutingIndicatorInfo | undefined, user: ExtraEntry): RoutingIndicatorInfo {
  const base: RoutingIndicatorInfo = builtIn ?? {
    ri,
    entry: ri,
    nameFromCables: false,
    kind: 'user',
    family: ri.slice(0, 4),
    cableCount: 0,
    cableNames: [],
    distinctNamesInCables: 0,
    deStationFor: [],
  };
  return { ...base, entry: ri, name: user.meaning || base.name, nameFromCables: false, source: user.source };
}

/** Every single built-in routing indicator that has a name, most used in cables first. */
const builtInRoutingIndicators = lazy(() =>
  table()
    .rows.filter((row) => isRoutingIndicatorShape(row.ri) && displayName(row))
    .map((row) => info(row.ri, row))
    .sort((a, b) => b.cableCount - a.cableCount || a.ri.localeCompare(b.ri)),
);

// --- explanation of the letters, derived from the table ---

interface PrefixStats {
  count: number;
  kinds: Map<string, number>;
  firstWords: Map<string, number>;
  /** Rows with a name, most often seen in cables first. */
  examples: RoutingRow[];
  notes: RoutingRow[];
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Statistics per RI prefix of 2, 3 and 4 letters (ranges count once, under their first RI). */
const prefixStats = lazy(() => {
  const stats = new Map<string, PrefixStats>();
  const rows = [...table().rows].sort((a, b) => toCount(b.cable_count) - toCount(a.cable_count));
  for (const row of rows) {
    const ri = RANGE.exec(row.ri)?.[1] ?? row.ri;
    const name = displayName(row);
    for (const length of [2, 3, 4]) {
      const prefix = ri.slice(0, length);
      let s = stats.get(prefix);
      if (!s) stats.set(prefix, (s = { count: 0, kinds: new Map(), firstWords: new Map(), examples: [], notes: [] }));
      s.count++;
      increment(s.kinds, row.kind);
      if (name) {
        increment(s.firstWords, name.split(' ')[0]);
        if (s.examples.length < 3 && !RANGE.test(row.ri)) s.examples.push(row);
      }
      if (row.note) s.notes.push(row);
    }
  }
  return stats;
});

function top(map: Map<string, number>, count: number, minimum = 1): string {
  return [...map]
    .filter(([, n]) => n >= minimum)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

const SMALL_FAMILY = 10;

function describePrefix(prefix: string, withWords: boolean): string {
  const s = prefixStats().get(prefix);
  if (!s) return `no indicator in the table begins with ${prefix}`;
  const parts = [`${s.count} of the indicators in the table begin ${prefix}`, `kinds ${top(s.kinds, 3)}`];
  const words = top(s.firstWords, 3, 2);
  if (withWords && words) parts.push(`commonest first words of names ${words}`);
  parts.push(`e.g. ${s.examples.map((row) => `${row.ri} ${displayName(row)}`).join('; ')}`);
  // In a small family a member's note (shared gateways such as RHMFISS) says what the family is used for.
  if (withWords && s.count <= SMALL_FAMILY) {
    for (const row of s.notes) parts.push(`${row.ri}: ${row.note.split(/[:;] |\. (?=[A-Z])/)[0]}`);
  }
  return parts.join('; ');
}

export interface RoutingLetters {
  /** The letters explained, e.g. 'U' or 'DBU'. */
  letters: string;
  /** 1-based position of the first of them in the RI. */
  position: number;
  meaning: string;
}

export interface RoutingExplanation {
  ri: string;
  /** The table entry, when the RI is known. */
  known?: RoutingIndicatorInfo;
  /** Letter by letter: R, 2nd letter, 3rd letter, 4th letter (family), then the station letters. */
  letters: RoutingLetters[];
}

/** The routing indicator lookups over the built-in table with `user` (the user's own, cable.tables.extra) over it. */
export function routingLookups(user: ReadonlyMap<string, ExtraEntry>) {
  /**
   * What the tables know about `ri`: the user's tables first (cable.tables.extra), then the built-in exact entry, else
   * an ACP 117 block 'X THRU Y' containing it; undefined if unknown.
   */
  function routingIndicator(ri: string): RoutingIndicatorInfo | undefined {
    const key = ri.trim().toUpperCase();
    if (!isRoutingIndicatorShape(key)) return undefined;
    const own = user.get(key);
    const builtIn = builtInRoutingIndicator(key);
    return own ? withUserEntry(key, builtIn, own) : builtIn;
  }

  /**
   * Every routing indicator with a name (for completion): the user's own first, then the built-in ones, most used in
   * cables first (with the user's names where the user's tables rename them).
   */
  const allRoutingIndicators = lazy(() => {
    if (user.size === 0) return builtInRoutingIndicators();
    const builtIn = builtInRoutingIndicators();
    const known = new Set(builtIn.map((ri) => ri.ri));
    const own = [...user]
      .filter(([ri]) => !known.has(ri))
      .map(([ri, entry]) => withUserEntry(ri, builtInRoutingIndicator(ri), entry));
    return [...own, ...builtIn.map((ri) => (user.has(ri.ri) ? withUserEntry(ri.ri, ri, user.get(ri.ri)!) : ri))];
  });

  /**
   * Explains the letters of any RI-shaped token from what the table holds for its prefixes (counts, the heuristic kind
   * labels, the names' first words, examples); undefined when `ri` is not RI-shaped.
   */
  function explainRoutingIndicator(ri: string): RoutingExplanation | undefined {
    const key = ri.trim().toUpperCase();
    if (!isRoutingIndicatorShape(key)) return undefined;
    const known = routingIndicator(key);
    const total = table().rows.length;
    const letters: RoutingLetters[] = [
      { letters: 'R', position: 1, meaning: `routing indicator (all ${total} indicators in the table begin with R)` },
      {
        letters: key[1],
        position: 2,
        meaning: `second letter (nation / area): ${describePrefix(key.slice(0, 2), false)}`,
      },
      { letters: key[2], position: 3, meaning: `third letter: ${describePrefix(key.slice(0, 3), false)}` },
      { letters: key[3], position: 4, meaning: `family ${key.slice(0, 4)}: ${describePrefix(key.slice(0, 4), true)}` },
    ];
    if (key.length > 4) {
      const station = key.slice(4);
      const meaning = known
        ? `station letters within ${key.slice(0, 4)}: ${known.name ?? 'no name in the table'}` +
          (known.entry === key ? '' : ` (ACP 117 block ${known.entry})`)
        : `station letters within ${key.slice(0, 4)}: this indicator is not in the table`;
      letters.push({ letters: station, position: 5, meaning });
    }
    return { ri: key, known, letters };
  }

  return { routingIndicator, allRoutingIndicators, explainRoutingIndicator };
}

export type RoutingLookups = ReturnType<typeof routingLookups>;
