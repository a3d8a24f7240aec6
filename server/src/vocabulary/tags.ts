// TAGS codes: subject (PREL), program (K-codes: KNNP), geographic (FIPS 10-4: TI = Tajikistan) and organization (NATO).
// Data: server/data/tags-subject.tsv, tags-geographic.tsv, tags-organization.tsv.
import geographicTsv from '../../data/tags-geographic.tsv';
import organizationTsv from '../../data/tags-organization.tsv';
import subjectTsv from '../../data/tags-subject.tsv';
import { ExtraEntry } from './extra';
import { lazy, parseTsv, toCount } from './tsv';

/** 'user': a code that only the user's tables (cable.tables.extra) know. */
export type TagFamily = 'subject' | 'program' | 'geographic' | 'organization' | 'user';

/** What a code of each family is, as said in a sentence ('PREL: External political relations, a subject tag.'). */
export const TAG_FAMILIES: Record<TagFamily, string> = {
  subject: 'a subject tag',
  program: 'a program tag (K-tag)',
  geographic: 'a country code (FIPS 10-4)',
  organization: 'an organization tag',
  user: 'a code of your own',
};

export interface TagCode {
  code: string;
  family: TagFamily;
  /** What the code stands for (country name for geographic codes); undefined for organization codes not expanded. */
  meaning?: string;
  /** Geographic codes: the country or area name. */
  name?: string;
  /** Subject/program codes: area (Political affairs, Program (K-tag), ...). */
  category?: string;
  /** Subject/program codes: how sure the meaning is (high, medium, low). */
  confidence?: string;
  /** Geographic codes: the ISO 3166 alpha-2 code of the same country, when there is one. */
  iso3166?: string;
  /** Occurrences in the TAGS lines of the research sample (1,325 cables). */
  countInSample: number;
  note?: string;
  /** Other families in which the same code is known (AU: Austria, also the African Union). */
  also?: TagCode[];
  /** Seen in real TAGS lines but on no code list (regional X and Z codes, ISO codes some posts use). */
  observedOnly?: true;
  /** The user's table file that defines the code (cable.tables.extra); its meaning replaces the built-in one. */
  source?: string;
}

const OBSERVED_ONLY = 'observed only';
const SUBJECT = ['code', 'category', 'meaning', 'confidence', 'in_cablemap_subject_list', 'count_in_sample'] as const;
const GEOGRAPHIC = [
  'code',
  'name',
  'iso3166_alpha2',
  'count_in_sample',
  'top_origins_in_sample',
  'note',
  'source',
] as const;
const ORGANIZATION = ['code', 'meaning', 'count_in_sample'] as const;

const codes = lazy(() => {
  const known: TagCode[] = [];
  // Every code of the subject table is known: it is on cablemap's list or was seen in real cables
  // (KSPR, PINT), where a warning would be a false alarm; the meaning may be undocumented.
  for (const row of parseTsv(subjectTsv, SUBJECT)) {
    const program = row.code.startsWith('K');
    known.push({
      code: row.code,
      family: program ? 'program' : 'subject',
      meaning: row.meaning || undefined,
      category: row.category,
      confidence: row.confidence,
      countInSample: toCount(row.count_in_sample),
    });
  }
  const geographic = parseTsv(geographicTsv, GEOGRAPHIC);
  // 'observed only' rows: tokens seen in real TAGS lines that no code list has; known unless another table has them.
  const observed: TagCode[] = [];
  for (const row of geographic) {
    if (!row.name) continue;
    (row.source === OBSERVED_ONLY ? observed : known).push({
      code: row.code,
      family: 'geographic',
      meaning: row.name,
      name: row.name,
      iso3166: row.iso3166_alpha2 || undefined,
      countInSample: toCount(row.count_in_sample),
      note: [row.note, row.source === 'GeoNames fips column' ? '' : row.source].filter(Boolean).join('; ') || undefined,
      ...(row.source === OBSERVED_ONLY ? { observedOnly: true } : {}),
    });
  }
  for (const row of parseTsv(organizationTsv, ORGANIZATION)) {
    known.push({
      code: row.code,
      family: 'organization',
      meaning: row.meaning || undefined,
      countInSample: toCount(row.count_in_sample),
    });
  }
  // One entry per upper-case code; the first family listed above wins, the others go to `also`.
  const byCode = new Map<string, TagCode>();
  for (const code of known) {
    const key = code.code.toUpperCase();
    const first = byCode.get(key);
    if (first) first.also = [...(first.also ?? []), code];
    else byCode.set(key, code);
  }
  for (const code of observed) if (!byCode.has(code.code)) byCode.set(code.code, code);
  const byIso = new Map(
    geographic.filter((row) => row.name && row.iso3166_alpha2).map((row) => [row.iso3166_alpha2, row]),
  );
  let longest = 0;
  for (const key of byCode.keys()) longest = Math.max(longest, key.length);
  return { byCode, byIso, longest };
});

/**
 * The country of each post, as its TAGS code (BEIJING -> CH, NEWDELHI -> IN): of the countries whose cables in the
 * research sample came from the post's embassy or consulate (top_origins_in_sample: 'Embassy Beijing (40)'), the one
 * with the most of them.
 */
const postCountries = lazy(() => {
  const best = new Map<string, { code: string; count: number }>();
  for (const row of parseTsv(geographicTsv, GEOGRAPHIC)) {
    for (const origin of row.top_origins_in_sample.split(';')) {
      const m = /^\s*(?:Embassy|Consulate)\s+(.+?)\s*\((\d+)\)\s*$/.exec(origin);
      if (!m) continue;
      const post = m[1].replace(/\s+/g, '').toUpperCase();
      if ((best.get(post)?.count ?? 0) < Number(m[2])) best.set(post, { code: row.code, count: Number(m[2]) });
    }
  }
  return best;
});

/** The TAGS code of the country of a post written as in reference IDs (DUSHANBE -> TI), when the sample shows it. */
export function countryOfPost(post: string): string | undefined {
  return postCountries().get(post.toUpperCase())?.code;
}

/** The built-in codes with the user's tables over them: a user's meaning replaces the built-in one, new codes join. */
function withUserCodes(user: ReadonlyMap<string, ExtraEntry>): ReturnType<typeof codes> {
  const builtIn = codes();
  if (user.size === 0) return builtIn;
  const byCode = new Map(builtIn.byCode);
  for (const [code, { meaning, source }] of user) {
    const existing = byCode.get(code);
    byCode.set(
      code,
      existing
        ? { ...existing, meaning: meaning || existing.meaning, source }
        : { code, family: 'user', meaning: meaning || undefined, countInSample: 0, source },
    );
  }
  let longest = builtIn.longest;
  for (const key of user.keys()) longest = Math.max(longest, key.length);
  return { ...builtIn, byCode, longest };
}

/** Edit distance with adjacent transpositions (optimal string alignment): PRLE -> PREL is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export interface IsoLookalike {
  code: string;
  /** The country or area the code stands for in TAGS (FIPS 10-4); undefined when it is no known TAGS code. */
  fipsName?: string;
  /** The country the code stands for in ISO 3166 ... */
  isoName: string;
  /** ... and that country's TAGS (FIPS) code. */
  fipsCodeOfIsoCountry: string;
}

/** The TAGS lookups over the built-in codes with `user` (the user's own codes, cable.tables.extra) over them. */
export function tagLookups(user: ReadonlyMap<string, ExtraEntry>) {
  const known = lazy(() => withUserCodes(user));

  /** Every known TAGS code (one entry per code): codes only the user's tables know first, then most used in the sample first. */
  function allTagCodes(): TagCode[] {
    const userFirst = (t: TagCode) => (t.family === 'user' ? 0 : 1);
    return [...known().byCode.values()].sort(
      (a, b) => userFirst(a) - userFirst(b) || b.countInSample - a.countInSample || a.code.localeCompare(b.code),
    );
  }

  /** The known TAGS code `code` (case-insensitive; the user's tables first), or undefined. */
  function tagCode(code: string): TagCode | undefined {
    return known().byCode.get(code.trim().toUpperCase());
  }

  /**
   * Up to `count` known codes closest to `code` by edit distance (at most `maxDistance`, the code itself excluded);
   * ties broken by frequency in the sample, then alphabetically.
   */
  function nearestTagCodes(code: string, count = 3, maxDistance = 2): (TagCode & { distance: number })[] {
    const key = code.trim().toUpperCase();
    const candidates: (TagCode & { distance: number })[] = [];
    for (const [other, tag] of known().byCode) {
      // Lengths further apart than the distance cannot be near: skipped before the costly distance (a user's table may be huge).
      if (Math.abs(other.length - key.length) > maxDistance) continue;
      const distance = editDistance(key, other);
      if (distance > 0 && distance <= maxDistance) candidates.push({ ...tag, distance });
    }
    return candidates
      .sort((a, b) => a.distance - b.distance || b.countInSample - a.countInSample || a.code.localeCompare(b.code))
      .slice(0, count);
  }

  /**
   * When `text` (one token, e.g. PHUMBA, MASSMNUC) is not itself a known code but is a concatenation of two or more known
   * codes including at least one subject, program or user's code, the codes in order (fewest pieces; among equals, the most
   * frequent in the sample). Otherwise undefined: a run of country codes (BRUSSELS = BR US SE LS, KNPP = KN PP) is more
   * likely a word or a mistyped code than a concatenation.
   */
  function splitConcatenatedTags(text: string): TagCode[] | undefined {
    const token = text.trim().toUpperCase();
    if (!/^[A-Z]{4,}$/.test(token) || tagCode(token)) return undefined;
    const { byCode, longest } = known();
    type Split = { pieces: TagCode[]; total: number };
    const better = (a: Split, b: Split | undefined) =>
      !b || a.pieces.length < b.pieces.length || (a.pieces.length === b.pieces.length && a.total > b.total);
    // best[i][s]: best split of token.slice(0, i); s = 1 when it has a subject or program code.
    const best: [Split | undefined, Split | undefined][] = [[{ pieces: [], total: 0 }, undefined]];
    for (let end = 1; end <= token.length; end++) {
      best[end] = [undefined, undefined];
      for (let start = Math.max(0, end - longest); start <= end - 2; start++) {
        const piece = byCode.get(token.slice(start, end));
        if (!piece) continue;
        const subject = piece.family === 'subject' || piece.family === 'program' || piece.family === 'user' ? 1 : 0;
        for (const had of [0, 1] as const) {
          const before = best[start][had];
          if (!before) continue;
          const candidate = { pieces: [...before.pieces, piece], total: before.total + piece.countInSample };
          const slot = (had | subject) as 0 | 1;
          if (better(candidate, best[end][slot])) best[end][slot] = candidate;
        }
      }
    }
    const result = best[token.length][1];
    return result && result.pieces.length >= 2 ? result.pieces : undefined;
  }

  /**
   * For a two-letter code that means a different country in ISO 3166 than in TAGS (FIPS 10-4): both readings.
   * RU -> ISO Russia (TAGS RS), no FIPS meaning; AU -> FIPS Austria, ISO Australia (TAGS AS). Undefined otherwise.
   */
  function isoLookalike(code: string): IsoLookalike | undefined {
    const key = code.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(key)) return undefined;
    const iso = codes().byIso.get(key);
    if (!iso || iso.code === key) return undefined;
    const fips = tagCode(key);
    const fipsName = fips?.family === 'geographic' && !fips.observedOnly ? fips.name : undefined;
    return { code: key, fipsName, isoName: iso.name, fipsCodeOfIsoCountry: iso.code };
  }

  return { allTagCodes, tagCode, nearestTagCodes, splitConcatenatedTags, isoLookalike };
}

export type TagLookups = ReturnType<typeof tagLookups>;
