// Seeded random numbers and random edits for the randomized tests (reproducible from the seed).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange } from '../../server/src/syntax/model';

/** mulberry32: small, fast, good enough for test inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text that users type or paste into cables, including whole header lines and line ends. */
const SNIPPETS = [
  'x',
  ' ',
  '¶',
  '1',
  '.',
  '(C)',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  'SIPDIS\n',
  'VZCZCXRO1234\n',
  'R 161223Z OCT 09\n',
  'DE RUEHDBU #1151/01 2891223\n',
  'ZNY SSSSS ZZH\n',
  'FM AMEMBASSY DUSHANBE\n',
  'TO RUEHC/SECSTATE WASHDC 0826\n',
  'C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151\n',
  '¶5. (S//NF) ',
  '15. (C) ',
  'End Summary.',
  'Comment: ',
  'TAGS: PREL PGOV\n',
  'SUBJECT: ',
  'REF: A. STATE 12345\n',
  'DUSHANBE 00001151 002 OF 002\n',
  'This record is a partial extract\n',
  'XXXXXXXXXXXX',
  'GROSS\n',
  '\n¶3. (U) ',
];

export function randomEdit(document: TextDocument, random: () => number, pasteSource: string): TextChange {
  const length = document.getText().length;
  const offset = Math.floor(random() * (length + 1));
  const choice = random();
  let endOffset = offset;
  let text = '';
  if (choice < 0.35) {
    text = SNIPPETS[Math.floor(random() * SNIPPETS.length)];
  } else if (choice < 0.55) {
    endOffset = Math.min(length, offset + 1 + Math.floor(random() * 20)); // delete a few characters
  } else if (choice < 0.65) {
    endOffset = Math.min(length, offset + Math.floor(random() * 400)); // delete across lines
  } else if (choice < 0.8) {
    const from = Math.floor(random() * pasteSource.length);
    text = pasteSource.slice(from, from + Math.floor(random() * 600)); // paste lines of another cable
  } else if (choice < 0.9) {
    // Join a line with the next: delete the line end at the end of a random line.
    const line = document.positionAt(offset).line;
    const start = document.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    const next = document.offsetAt({ line: line + 1, character: 0 });
    return { range: { start: document.positionAt(start), end: document.positionAt(next) }, text: '' };
  } else {
    text = random() < 0.5 ? '\n' : '\r\n'; // split a line
  }
  return { range: { start: document.positionAt(offset), end: document.positionAt(endOffset) }, text };
}
