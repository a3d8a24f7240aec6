// The captions the lexer recognises on a caption line: column caption_line of server/data/captions.tsv.
import captionsTsv from '../../data/captions.tsv';
import { parseTsv, splitList } from './tsv';

/**
 * Written forms that make up a caption line ('SIPDIS', 'SENSITIVE BUT UNCLASSIFIED', 'ROGER CHANNEL'), upper case,
 * longest first: a pattern built from them tries SENSITIVE BUT UNCLASSIFIED before SENSITIVE.
 */
export const CAPTION_LINE_FORMS: readonly string[] = parseTsv(captionsTsv, ['caption_line'] as const)
  .flatMap((row) => splitList(row.caption_line))
  .sort((a, b) => b.length - a.length);
