// Request `cable/facts`: every cable's facts as data (the CableRecord of facts/facts.ts), places as document ranges.
import { Position, Range } from 'vscode-languageserver-types';
import { CableRecord } from '../facts/facts';
import { CableFactsResult } from '../protocol';
import { Cable, Span } from '../syntax/types';
import { DocumentContext } from './context';

type CableFactsJson = CableFactsResult['cables'][number];

/** The facts of every cable of the document, or of the one holding `position`'s line (none outside every cable). */
export function cableFacts({ reader }: DocumentContext, position?: Position): CableFactsResult {
  const { model } = reader;
  const cables = position ? [model.cableAt(position.line)].filter((c) => c !== undefined) : model.cables;
  return {
    cables: cables.map((cable) =>
      factsJson(cable, reader.record(cable), model.lineText(cable.startLine + cable.lineCount - 1).length),
    ),
  };
}

/** A record with its spans made document ranges, and the cable's own range. */
function factsJson(cable: Cable, record: CableRecord, lastLineLength: number): CableFactsJson {
  const range = (span: Span): Range => ({
    start: { line: cable.startLine + span.line, character: span.start },
    end: { line: cable.startLine + span.line, character: span.end },
  });
  return {
    ...record,
    references: record.references.map((reference) => ({ ...reference, where: range(reference.where) })),
    range: {
      start: { line: cable.startLine, character: 0 },
      end: { line: cable.startLine + cable.lineCount - 1, character: lastLineLength },
    },
  };
}
