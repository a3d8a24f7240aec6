// The text a client holds after a change, positions resolved as vscode-languageserver-textdocument resolves them in a
// document made from that text (its own incremental update keeps line offsets for lines past the end it was given).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange } from '../../server/src/syntax/model';

export function applyToText(text: string, change: TextChange): string {
  if (!change.range) return change.text;
  const document = TextDocument.create('file:///reference', 'cable', 1, text);
  const { start, end } = change.range;
  const [from, to] =
    start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
  return text.slice(0, document.offsetAt(from)) + change.text + text.slice(document.offsetAt(to));
}
