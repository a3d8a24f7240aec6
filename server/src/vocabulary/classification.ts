// Classification levels (ZN security line, classification line) and paragraph portion markings '(S//NF)'.
// Data: server/data/classification.tsv, portion-markings.tsv. The level meanings are summaries of E.O. 12958 sec. 1.3
// (written here, not from the tables).
import classificationTsv from '../../data/classification.tsv';
import portionMarkingsTsv from '../../data/portion-markings.tsv';
import { lazy, parseTsv, splitList, toCount } from './tsv';

export interface ClassificationLevel {
  /** UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET. */
  level: string;
  /** 0 (UNCLASSIFIED) to 4 (TOP SECRET). */
  rank: number;
  /** The repeated letter of the ZN security line (U, C, S, T, or E for EFTO); undefined for LIMITED OFFICIAL USE. */
  znLetter?: string;
  /** Forms from the table: 'ZNY CCCCC ZZH', 'C O N F I D E N T I A L [SECTION nn OF nn] POST nnnnnn'. */
  znLine: string;
  classificationLine: string;
  /** The class word of the classification line in canonical form: 'UNCLAS', 'C O N F I D E N T I A L'. */
  classificationWord: string;
  /** Values of the Cablegate metadata 'Classification' field ('SECRET', 'SECRET//NOFORN'). */
  metadataValues: string[];
  meaning: string;
  note?: string;
}

/** What each level means, as a sentence. */
const MEANINGS: Record<string, string> = {
  UNCLASSIFIED:
    'Not classified; handling captions such as SENSITIVE (sensitive but unclassified) may still restrict it.',
  'LIMITED OFFICIAL USE':
    'Not a national-security classification but a State Department administrative control for sensitive unclassified information, used in older traffic.',
  CONFIDENTIAL:
    'Classified: its unauthorized disclosure could reasonably be expected to cause damage to the national security.',
  SECRET:
    'Classified: its unauthorized disclosure could reasonably be expected to cause serious damage to the national security.',
  'TOP SECRET':
    'Classified: its unauthorized disclosure could reasonably be expected to cause exceptionally grave damage to the national security.',
};

/** ZN letter E: unclassified traffic encrypted for transmission only (cable-format.md 3.4; not in the sample). */
const EFTO_MEANING = 'Unclassified, encrypted for transmission only (EFTO).';

const COLUMNS = ['level', 'zn_line', 'classification_line', 'metadata_values', 'rank', 'note'] as const;

const levels = lazy(() => {
  const all = parseTsv(classificationTsv, COLUMNS)
    .map((row): ClassificationLevel => ({
      level: row.level,
      rank: toCount(row.rank),
      znLetter: /^ZN[YR] ([A-Z])\1{4}\b/.exec(row.zn_line)?.[1],
      znLine: row.zn_line,
      classificationLine: row.classification_line,
      classificationWord: row.classification_line.split(/ \[| POST| \.\.\./)[0],
      metadataValues: splitList(row.metadata_values),
      meaning: MEANINGS[row.level] ?? row.level,
      note: row.note || undefined,
    }))
    .sort((a, b) => a.rank - b.rank);
  const unclassified = all.find((l) => l.rank === 0);
  const efto = unclassified && { ...unclassified, znLetter: 'E', znLine: 'ZNY EEEEE ZZH', meaning: EFTO_MEANING };
  // Classification-line words, spaces removed: the leading words of the table's classification-line forms
  // (UNCLAS, CONFIDENTIAL, TOPSECRET, LIMITEDOFFICIALUSE) and the level names (UNCLASSIFIED).
  const byWord = new Map<string, ClassificationLevel>();
  for (const level of all) {
    byWord.set(level.level.replace(/ /g, ''), level);
    byWord.set(level.classificationWord.replace(/ /g, ''), level);
  }
  if (efto) byWord.set('UNCLASEFTO', efto);
  const byLetter = new Map(all.filter((l) => l.znLetter).map((l) => [l.znLetter, l]));
  if (efto) byLetter.set('E', efto);
  return { all, byWord, byLetter };
});

/** All levels, lowest rank first. */
export function classificationLevels(): readonly ClassificationLevel[] {
  return levels().all;
}

/** Every classification-line word classificationByWord knows, spaces removed: UNCLAS, UNCLASSIFIED, TOPSECRET ... */
export function classificationWords(): readonly string[] {
  return [...levels().byWord.keys()];
}

/** Level by ZN-line letter (U, C, S, T, E). */
export function classificationByZnLetter(letter: string): ClassificationLevel | undefined {
  return levels().byLetter.get(letter.trim().toUpperCase());
}

/**
 * Level by classification-line word: UNCLAS, UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET, LIMITED OFFICIAL USE
 * (spaces are ignored, so 'C O N F I D E N T I A L' and 'TOPSECRET' work too).
 */
export function classificationByWord(word: string): ClassificationLevel | undefined {
  return levels().byWord.get(word.replace(/\s+/g, '').toUpperCase());
}

/** Level by level name or rank. */
export function classificationLevel(levelOrRank: string | number): ClassificationLevel | undefined {
  return typeof levelOrRank === 'number'
    ? levels().all.find((l) => l.rank === levelOrRank)
    : classificationByWord(levelOrRank);
}

// --- portion markings ---

export interface PortionMarking {
  /** The level token as written, upper case: U, SBU, C, S, TS. */
  token: string;
  level: string;
  rank: number;
  /** Caveats after the level, upper case, in order: ['FGI', 'NF'], ['REL NATO']. */
  caveats: string[];
  /** NF or NOFORN among the caveats. */
  noforn: boolean;
  /** 'NATO' for REL NATO / REL TO NATO. */
  releasableTo?: string;
}

const CAVEATS: Record<string, string> = {
  NF: 'NOFORN: not releasable to foreign nationals',
  NOFORN: 'not releasable to foreign nationals',
  FOUO: 'for official use only',
  FGI: 'foreign government information',
  SBU: 'sensitive but unclassified',
  ORCON: 'originator controlled: further dissemination needs the originator’s approval',
};
const REL = /^REL(?: TO)? (.+)$/;

/** Level tokens from the table's plain markings ('(C)' -> CONFIDENTIAL), longest first: TS before S. */
const levelTokens = lazy(() =>
  parseTsv(portionMarkingsTsv, ['marking', 'level', 'caveats'] as const)
    .flatMap((row) => {
      const token = /^\(([A-Z]+)\)$/.exec(row.marking)?.[1];
      const level = classificationByWord(row.level);
      return token && level ? [{ token, level, meaning: row.caveats }] : [];
    })
    .sort((a, b) => b.token.length - a.token.length),
);

/**
 * Parses the text inside a portion mark's parentheses: 'C', 'S//NF', 'C/REL NATO', 'SBU', 'U//FOUO', 'S-NF', 'C NF',
 * 'c', ' C ', 'S//FGI//NF', 'TS'. Undefined when it is not a marking ('Iran', 'U.S.', 'A').
 */
export function parsePortionMarking(inner: string): PortionMarking | undefined {
  const text = inner.trim().replace(/\s+/g, ' ').toUpperCase();
  // The level token, then nothing or a separator ('/', '//', '-', ' ') before the caveats.
  const match = levelTokens().find(
    ({ token }) => text.startsWith(token) && /^(\/|-| |$)/.test(text.slice(token.length)),
  );
  if (!match) return undefined;
  const rest = text.slice(match.token.length);
  const caveats = splitList(rest, /\/\/|\/|-/);
  if (rest && caveats.length === 0) return undefined; // 'C/'
  if (!caveats.every((caveat) => caveat in CAVEATS || REL.test(caveat))) return undefined;
  const releasableTo = caveats.map((caveat) => REL.exec(caveat)?.[1]).find(Boolean);
  return {
    token: match.token,
    level: match.level.level,
    rank: match.level.rank,
    caveats,
    noforn: caveats.includes('NF') || caveats.includes('NOFORN'),
    ...(releasableTo ? { releasableTo } : {}),
  };
}

/** The portion markings of the table, as written ('(C)', '(S//FGI//NF)'), most used first (for completion). */
export const allPortionMarkings = lazy(() =>
  parseTsv(portionMarkingsTsv, ['marking', 'count_in_sample'] as const)
    .filter((row) => /^\([A-Z/ ]+\)$/.test(row.marking))
    .sort((a, b) => toCount(b.count_in_sample) - toCount(a.count_in_sample))
    .map((row) => row.marking),
);

/** One line for hover: '(S//NF) SECRET; NF = NOFORN: not releasable to foreign nationals'. */
export function describePortionMarking(marking: PortionMarking): string {
  const token = levelTokens().find((t) => t.token === marking.token);
  const level = token?.meaning ? `${marking.level} (${token.meaning})` : marking.level;
  const caveats = marking.caveats.map((caveat) => {
    const rel = REL.exec(caveat);
    return rel ? `${caveat} = releasable to ${rel[1]}` : `${caveat} = ${CAVEATS[caveat]}`;
  });
  return [`(${[marking.token, ...marking.caveats].join('//')}) ${level}`, ...caveats].join('; ');
}
