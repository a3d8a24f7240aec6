// unknown-tag: TAGS codes against the code tables (and the user's own), with suggestions and fixes.
import { CodeTables } from '../../../vocabulary';
import { Finding, Rule } from '../rule';
import { finding, replace } from './helpers';

/**
 * What the check found out about an unknown code, for its message and its fixes: the codes it runs together, or the
 * FIPS code of the ISO country it is, or the nearest known codes. The fixes search nothing again, so they have the
 * check's caps, and "Fix all" over thousands of pasted codes costs what their diagnostics cost.
 */
type UnknownTag = { code: string; split?: string[]; fips?: string; near?: string[] };

/**
 * Findings are kept by code, per value of the tables. The nearest codes are searched for the first SUGGESTED_CODES
 * distinct such codes of a cable only: a search takes about a millisecond, and garbage pasted after a TAGS line can
 * make thousands of codes; the others are reported without suggestions.
 */
const unknownTags = new WeakMap<CodeTables, Map<string, { message: string; data: UnknownTag }>>();
const SUGGESTED_CODES = 200;
/** Longer codes are neither split nor searched (five codes run together are 20 to 40 letters). */
const LONGEST_SEARCHED_CODE = 40;

const expected = 'expected a subject (PREL), program (KDEM), FIPS country (TI) or organization (NATO) code';

function unknownTag(tables: CodeTables, code: string, suggested: Set<string>): { message: string; data: UnknownTag } {
  // Splits and searches cost time in the length of the code: a 1 MB run of capitals after a TAGS line is a "code".
  if (code.length > LONGEST_SEARCHED_CODE)
    return { message: `Unknown TAGS code "${code.slice(0, LONGEST_SEARCHED_CODE)}...": ${expected}.`, data: { code } };
  const split = code.length > 4 ? tables.splitConcatenatedTags(code)?.map((t) => t.code) : undefined;
  if (split)
    return {
      message: `"${code}" runs several TAGS codes together: split into ${split.join(' ')}.`,
      data: { code, split },
    };
  const iso = tables.isoLookalike(code);
  if (iso)
    return {
      message: `"${code}" is the ISO code of ${iso.isoName}; TAGS use FIPS 10-4 country codes: expected ${iso.fipsCodeOfIsoCountry}.`,
      data: { code, fips: iso.fipsCodeOfIsoCountry },
    };
  const withoutSuggestion = { message: `Unknown TAGS code "${code}": ${expected}.`, data: { code } };
  if (!suggested.has(code)) {
    if (suggested.size >= SUGGESTED_CODES) return withoutSuggestion;
    suggested.add(code);
  }
  let found = unknownTags.get(tables);
  if (!found) unknownTags.set(tables, (found = new Map()));
  let result = found.get(code);
  if (result === undefined) {
    const near = tables.nearestTagCodes(code, 3).map((t) => t.code);
    result = near.length
      ? { message: `Unknown TAGS code "${code}": nearest known codes ${near.join(', ')}.`, data: { code, near } }
      : withoutSuggestion;
    if (found.size >= 20_000) found.clear();
    found.set(code, result);
  }
  return result;
}

/** Whether a column of a TAGS line is inside parentheses: `OVIP (STEINBERG, JAMES B.)`. */
function inParentheses(text: string, at: number): boolean {
  return text.lastIndexOf('(', at) > text.lastIndexOf(')', at);
}

const rule: Rule<UnknownTag> = {
  code: 'unknown-tag',
  severity: 'warning',
  description: 'TAGS codes are known subject, program, FIPS country or organization codes.',
  check: ({ cable, reader, tables }) => {
    const findings: Array<Finding<UnknownTag>> = [];
    const suggested = new Set<string>();
    for (const rel of cable.tagsLines) {
      const tokens = cable.lines[rel].tokens.filter((t) => t.kind === 'tag');
      const text = reader.line(cable, rel);
      // After OVIP comes the name of the visiting person, in parentheses or not (`OVIP BIDEN JOSEPH PREL`): free
      // text up to the closing parenthesis or the next known code; the codes after it are checked like the others.
      let inName = false;
      for (let k = 0; k < tokens.length; k++) {
        const code = reader.tokenText(cable, rel, tokens[k]);
        if (k > 0 && /^OVIP$/i.test(reader.tokenText(cable, rel, tokens[k - 1])))
          inName = !inParentheses(text, tokens[k].start);
        if (inName && tables.tagCode(code) && !inParentheses(text, tokens[k].start)) inName = false;
        if (inName || inParentheses(text, tokens[k].start)) continue;
        if (!/^[A-Z]{2,}$/.test(code) || tables.tagCode(code)) continue;
        const { message, data } = unknownTag(tables, code, suggested);
        findings.push(finding({ line: rel, start: tokens[k].start, end: tokens[k].end }, message, data));
      }
    }
    return findings;
  },
  fix: (found, { cable }) => {
    if (!found.data) return [];
    const { split, fips, near = [] } = found.data;
    if (split)
      return [
        { title: `Split into ${split.join(' ')}`, edits: [replace(cable, found, split.join(' '))], preferred: true },
      ];
    const candidates = fips ? [fips] : near;
    return candidates.map((candidate, k) => ({
      title: `Change to ${candidate}`,
      edits: [replace(cable, found, candidate)],
      preferred: k === 0 && (fips !== undefined || candidates.length === 1),
    }));
  },
  examples: [
    { good: 'PHUM', bad: 'PHUX', flagged: 'PHUX' },
    { good: 'PGOV TI', bad: 'PGOV TJ', flagged: 'TJ' },
    // A visitor's name after OVIP is free text, and the codes after it are codes.
    { good: 'PREL PHUM', bad: 'PREL OVIP (RICE, CONDOLEEZZA) PHUX', flagged: 'PHUX' },
    { good: 'PREL PHUM', bad: 'PREL OVIP BIDEN JOSEPH PHUM PHUX', flagged: 'PHUX' },
  ],
};

export default rule;
