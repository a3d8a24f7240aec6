// Bytes of a cable file -> text, as an editor shows it: UTF-8 when the bytes are valid UTF-8 (a
// leading byte order mark dropped), else Latin-1 (ISO-8859-1, every byte one character). Older
// Cablegate extracts are Latin-1. Platform-neutral (no Node Buffer): the web build may use it too.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCableText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // TextDecoder's 'latin1' is windows-1252 (0x80-0x9F differ), so map the bytes one to one. The bytes go to
    // fromCharCode by apply (an array-like), not spread: spreading iterates, and cost cable-lint 17% of its CPU time.
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192)
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
    return text;
  }
}
