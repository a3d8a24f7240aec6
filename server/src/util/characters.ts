// Character classes shared by the lexer and the readers built on it.

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
