// The cable under the cursor, summarised for a status bar: reference ID, classification, captions, precedence, and
// where the classification line is.
import { Position } from 'vscode-languageserver-types';
import { CableAtResult } from '../protocol';
import { Cable } from '../syntax/types';
import { classificationByWord, precedence as precedenceByCode } from '../vocabulary';
import { CableFacts, CableReader } from '../facts/facts';
import { DocumentContext } from './context';

/**
 * The cable holding `position`'s line; null outside every cable, and for text with neither a routing header nor a
 * classification line (an empty document), where there is nothing to summarise.
 */
export function cableAt({ reader }: DocumentContext, position: Position): CableAtResult | null {
  const cable = reader.model.cableAt(position.line);
  if (!cable) return null;
  const facts = reader.facts(cable);
  const { classification } = facts;
  if (!classification && cable.header.length === 0) return null;
  const level = classification && classificationByWord(classification.level);
  const written =
    classification &&
    reader.line(cable, classification.span.line).slice(classification.span.start, classification.span.end);
  return {
    referenceId: facts.identity.referenceId,
    classification:
      classification && written !== undefined
        ? { level: level?.level ?? classification.level, rank: level?.rank ?? classification.rank, written }
        : null,
    classificationRange: classification ? lineRange(reader, cable, classification.span.line) : null,
    captions: [...new Set(facts.captions)],
    precedence: precedenceOf(facts),
  };
}

/** The text of a line of the cable, without the blanks around it. */
function lineRange(reader: CableReader, cable: Cable, rel: number) {
  const text = reader.line(cable, rel);
  const line = cable.startLine + rel;
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

/** The precedence letters of the DTG line ('O R'), else the doubled letter of the precedence line ('RR' -> R). */
function precedenceOf(facts: CableFacts): CableAtResult['precedence'] {
  const letters = facts.dtg?.value.precedence.length
    ? facts.dtg.value.precedence.map((p) => p.toUpperCase())
    : facts.relayPrecedence && /^([A-Z])\1?$/i.test(facts.relayPrecedence.value)
      ? [facts.relayPrecedence.value[0].toUpperCase()]
      : [];
  const words = letters.map((letter) => precedenceByCode(letter)?.word);
  if (letters.length === 0 || words.some((word) => !word)) return null;
  return { code: letters.join(' '), word: words.join('/') };
}
