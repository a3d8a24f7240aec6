// Short labels cut from running text: the outline's paragraph leads, the model dump's.

/**
 * `text` with its runs of white space made single spaces and, when longer than `max` characters, cut after its last
 * word that fits (mid-word only when that word is longer than half of `max`) with "..." after it, punctuation between
 * the word and the cut dropped.
 */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  // Most texts have single spaces only: skip the replacement, which would return the same text. Only the first
  // `max + 1` characters (the label and the one that says whether there is more) are looked at.
  const spaced = /\s\s|[^\S ]/.test(trimmed.length > max + 1 ? trimmed.slice(0, max + 1) : trimmed)
    ? trimmed.replace(/\s+/g, ' ')
    : trimmed;
  if (spaced.length <= max) return spaced;
  let end = spaced.lastIndexOf(' ', max);
  if (end <= max / 2) end = max;
  while (end > 0 && ' ,;:(-'.includes(spaced[end - 1])) end--;
  return `${spaced.slice(0, end)}...`;
}
