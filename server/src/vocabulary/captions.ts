// Captions and passing instructions: the lines right after the classification line (SIPDIS, NOFORN, EXDIS, DEPT FOR ...).
// Data: server/data/captions.tsv.
import captionsTsv from '../../data/captions.tsv';
import { ExtraEntry } from './extra';
import { lazy, parseTsv, splitList, toCount } from './tsv';

export interface Caption {
  /** The caption as written (upper case, single spaces), or the prefix of a passing instruction ('DEPT FOR'). */
  caption: string;
  kind: string;
  meaning: string;
  /** For a longer written form (SENSITIVE BUT UNCLASSIFIED): the table's caption it belongs to (SENSITIVE). */
  variantOf?: string;
  /** True for passing instructions ('DEPT FOR ...'), which match any text that starts with the caption. */
  prefix?: boolean;
  /** Occurrences in the research sample (1,295 cables); undefined for variants. */
  countInSample?: number;
  note?: string;
  /** The user's table file that defines the caption (cable.tables.extra); its meaning replaces the built-in one. */
  source?: string;
}

const COLUMNS = ['caption', 'kind', 'meaning', 'count_in_sample', 'note'] as const;

const captions = lazy(() => {
  const all: Caption[] = [];
  for (const row of parseTsv(captionsTsv, COLUMNS)) {
    const shared = {
      kind: row.kind,
      meaning: row.meaning,
      countInSample: toCount(row.count_in_sample),
      note: row.note || undefined,
    };
    // 'ROGER / CHEROKEE / ...' lists alternatives; 'DEPT FOR ...' is a prefix.
    for (const alternative of splitList(row.caption, ' / ')) {
      const prefix = alternative.endsWith(' ...');
      all.push({ caption: prefix ? alternative.slice(0, -4) : alternative, ...shared, ...(prefix ? { prefix } : {}) });
    }
    // Longer written forms quoted in the note ('also "SENSITIVE BUT UNCLASSIFIED" (6)') are variants of the caption.
    for (const [, quoted] of row.note.matchAll(/"([^"]+)"/g)) {
      if (quoted.startsWith(`${row.caption} `)) {
        all.push({ caption: quoted, kind: row.kind, meaning: row.meaning, variantOf: row.caption });
      }
    }
  }
  return all;
});

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** A user's caption over the built-in one of the same text (its meaning first), or on its own. */
function withUserEntry(text: string, builtIn: Caption | undefined, user: ExtraEntry): Caption {
  return builtIn
    ? { ...builtIn, meaning: user.meaning || builtIn.meaning, source: user.source }
    : { caption: text, kind: 'user', meaning: user.meaning, source: user.source };
}

/** The caption lookups over the built-in table with `user` (the user's own captions, cable.tables.extra) over it. */
export function captionLookups(user: ReadonlyMap<string, ExtraEntry>) {
  /**
   * The caption that `text` (one caption line) is, or undefined: the user's tables first (exact text), then the built-in
   * table. Passing instructions match by their prefix.
   */
  function caption(text: string): Caption | undefined {
    const line = normalize(text);
    const exact = captions().find((c) => !c.prefix && c.caption === line);
    const own = user.get(line);
    if (own) return withUserEntry(line, exact, own);
    return exact ?? captions().find((c) => c.prefix && (line === c.caption || line.startsWith(`${c.caption} `)));
  }

  /** Every caption (alternatives split, variants included): the user's own first, then the built-in table's. */
  const allCaptions = lazy((): readonly Caption[] => {
    if (user.size === 0) return captions();
    const builtIn = captions().map((c) =>
      !c.prefix && user.has(c.caption) ? withUserEntry(c.caption, c, user.get(c.caption)!) : c,
    );
    const own = [...user]
      .filter(([text]) => !builtIn.some((c) => !c.prefix && c.caption === text))
      .map(([text, entry]) => withUserEntry(text, undefined, entry));
    return [...own, ...builtIn];
  });

  return { caption, allCaptions };
}

export type CaptionLookups = ReturnType<typeof captionLookups>;
