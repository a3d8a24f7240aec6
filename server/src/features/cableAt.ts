// The cable under the cursor, summarised for a status bar: reference ID, classification, captions, precedence, and
// where the classification line is.
import { Position } from 'vscode-languageserver-types';
import { CableAtResult } from '../protocol';
import { Cable } from '../syntax/types';
import { classificationByWord } from '../vocabulary';
import { CableReader, precedenceOf } from '../facts/facts';
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
    precedence: precedenceOf(facts) ?? null,
  };
}

/** The text of a line of the cable, without the blanks around it. */
function lineRange(reader: CableReader, cable: Cable, rel: number) {
  const text = reader.line(cable, rel);
  const line = cable.startLine + rel;
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}
