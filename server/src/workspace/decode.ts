// Bytes of a cable file -> text, as an editor shows it: UTF-8 when the bytes are valid UTF-8 (a
// leading byte order mark dropped), else Latin-1 (ISO-8859-1, every byte one character). Older
// Cablegate extracts are Latin-1; both the command-line linter and the tests read files through here.
import { isUtf8 } from 'node:buffer';

export function decodeCableText(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) return buffer.toString('latin1');
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
