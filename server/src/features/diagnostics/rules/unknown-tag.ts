// unknown-tag: TAGS codes against the code tables (and the user's own), with suggestions and fixes.
import { CodeTables } from '../../../vocabulary';
import { Finding, Rule } from '../rule';
import { finding, replace } from './helpers';

/** The unknown code, and the FIPS code when it is the ISO code of a country. */
type UnknownTag = { code: string; fips?: string };

/**
 * Messages are kept by code, per value of the tables. The nearest codes are offered for the first SUGGESTED_CODES
 * distinct such codes of a cable only: a search takes about a millisecond, and garbage pasted after a TAGS line can
 * make thousands of codes; the others are reported without suggestions.
 */
const unknownTagMessages = new WeakMap<CodeTables, Map<string, string>>();
const SUGGESTED_CODES = 200;
/** Longer codes are neither split nor searched (five codes run together are 20 to 40 letters). */
const LONGEST_SEARCHED_CODE = 40;

function unknownTag(tables: CodeTables, code: string, suggested: Set<string>): { message: string; fips?: string } {
  // Splits and searches cost time in the length of the code: a 1 MB run of capitals after a TAGS line is a "code".
  if (code.length > LONGEST_SEARCHED_CODE)
    return {
      message: `Unknown TAGS code "${code.slice(0, LONGEST_SEARCHED_CODE)}...": expected a subject (PREL), program (KDEM), FIPS country (TI) or organization (NATO) code.`,
    };
  const split = code.length > 4 ? tables.splitConcatenatedTags(code) : undefined;
  if (split)
    return { message: `"${code}" runs several TAGS codes together: split into ${split.map((t) => t.code).join(' ')}.` };
  const iso = tables.isoLookalike(code);
  if (iso)
    return {
      message: `"${code}" is the ISO code of ${iso.isoName}; TAGS use FIPS 10-4 country codes: expected ${iso.fipsCodeOfIsoCountry}.`,
      fips: iso.fipsCodeOfIsoCountry,
    };
  const withoutSuggestion = `Unknown TAGS code "${code}": expected a subject (PREL), program (KDEM), FIPS country (TI) or organization (NATO) code.`;
  if (!suggested.has(code)) {
    if (suggested.size >= SUGGESTED_CODES) return { message: withoutSuggestion };
    suggested.add(code);
  }
  let messages = unknownTagMessages.get(tables);
  if (!messages) unknownTagMessages.set(tables, (messages = new Map()));
  let message = messages.get(code);
  if (message === undefined) {
    const near = tables.nearestTagCodes(code, 3).map((t) => t.code);
    message = near.length ? `Unknown TAGS code "${code}": nearest known codes ${near.join(', ')}.` : withoutSuggestion;
    if (messages.size >= 20_000) messages.clear();
    messages.set(code, message);
  }
  return { message };
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
        const { message, fips } = unknownTag(tables, code, suggested);
        const span = { line: rel, start: tokens[k].start, end: tokens[k].end };
        findings.push(finding(span, message, fips ? { code, fips } : { code }));
      }
    }
    return findings;
  },
  fix: (found, { cable, tables }) => {
    // A code too long to search is too long to fix: the split takes memory in the square of its length.
    if (!found.data || found.data.code.length > LONGEST_SEARCHED_CODE) return [];
    const { code, fips } = found.data;
    const split = tables.splitConcatenatedTags(code);
    if (split)
      return [
        {
          title: `Split into ${split.map((t) => t.code).join(' ')}`,
          edits: [replace(cable, found, split.map((t) => t.code).join(' '))],
          preferred: true,
        },
      ];
    const candidates = fips ? [fips] : tables.nearestTagCodes(code, 3).map((t) => t.code);
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
