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

const PASSING_KIND = 'passing instruction';
/**
 * `STATE FOR`, `TREASURY FOR`, `STATE ALSO FOR`, `STATE PASS TO`, `PASS TO`: up to four words of capitals, then FOR;
 * `NOT FOR INTERNET DISTRIBUTION` is a handling caption.
 */
const PASSING_INSTRUCTION =
  /^(?:[A-Z][A-Z0-9/&.'-]*(?: [A-Z][A-Z0-9/&.'-]*){0,3}(?<!\bNOT) (?:ALSO )?(?:FOR|PASS TO)|PASS TO)(?= [A-Z0-9])/;

/** Whether a caption-block line names who else gets the cable (STATE FOR ..., PASS TO ...): not a handling caption. */
export function isPassingInstruction(text: string): boolean {
  return PASSING_INSTRUCTION.test(text.trim());
}

/**
 * Whether a line of the caption block is a passing instruction or a release caption (RELEASABLE TO PAKISTAN): capitals,
 * at most nine words, no sentence in it, none of a sentence's first or function words. The grammar's
 * passing-instruction rule is the same test, without the caption block around it.
 */
export function isCaptionBlockLine(text: string): boolean {
  const line = text.trim();
  return (
    line.length <= 160 &&
    line === line.toUpperCase() &&
    line.split(/\s+/).length <= 9 &&
    !/\.(?:\s|$)/.test(line) &&
    !SENTENCE_START.test(line) &&
    !FUNCTION_WORD.test(line) &&
    (PASSING_INSTRUCTION.test(line) || /^REL(?:EASABLE)? TO [A-Z0-9]/.test(line))
  );
}

/** How a sentence in capitals starts, and the function words it has (which office names and persons do not). */
const SENTENCE_START = /^(?:THE|A|AN|WE|HE|SHE|IT|THEY|THIS|THAT|IN|ON|AS|AT|BUT|AND|YET|[A-Z]+ING|[A-Z]+LY)\b/;
const FUNCTION_WORD = /\b(?:THE|THAT|THESE|THIS|IS|ARE|WAS|WERE|WILL|HIS|HER|ITS|OUR|THEIR|OF|WITH|WHILE|SUCH)\b/;

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
    const prefixed = captions().find((c) => c.prefix && (line === c.caption || line.startsWith(`${c.caption} `)));
    if (exact ?? prefixed) return exact ?? prefixed;
    // Any office's passing instruction (TREASURY FOR OASIA/..., STATE ALSO FOR INR/B) reads as the table's one.
    const passing = PASSING_INSTRUCTION.exec(line);
    const table = passing && captions().find((c) => c.kind === PASSING_KIND);
    return table ? { ...table, caption: passing![0] } : undefined;
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
