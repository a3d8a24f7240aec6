// What the status bar item says about the cable under the cursor: text, tooltip, background colour. Pure (no vscode
// import), so the tests can check it without an editor.
import type { CableAtResult } from '../../server/src/protocol';

export type StatusBackground = 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground';

export interface StatusPresentation {
  /** `$(shield) CONFIDENTIAL · SIPDIS · ROUTINE` */
  text: string;
  tooltip: string;
  /** Screen readers: the same in words. */
  accessibilityLabel: string;
  /** SECRET and TOP SECRET: the error colour; CONFIDENTIAL: the warning colour; unclassified: none. */
  background?: StatusBackground;
}

const SEPARATOR = ' · ';
/** Captions beyond this many are counted (+2), longer ones cut: the tooltip has them all. */
const MAX_CAPTIONS = 3;
const MAX_CAPTION_LENGTH = 24;

function shorten(text: string): string {
  return text.length > MAX_CAPTION_LENGTH ? `${text.slice(0, MAX_CAPTION_LENGTH - 1)}…` : text;
}

function backgroundFor(rank: number | undefined): StatusBackground | undefined {
  if (rank === undefined) return undefined;
  if (rank >= 3) return 'statusBarItem.errorBackground';
  if (rank === 2) return 'statusBarItem.warningBackground';
  return undefined;
}

export function presentCable(cable: CableAtResult): StatusPresentation {
  const level = cable.classification?.level ?? 'no classification line';
  const captions = cable.captions.slice(0, MAX_CAPTIONS).map(shorten);
  if (cable.captions.length > MAX_CAPTIONS) captions.push(`+${cable.captions.length - MAX_CAPTIONS}`);
  const parts = [level, ...captions, ...(cable.precedence ? [cable.precedence.word] : [])];
  const tooltip = [
    cable.referenceId,
    cable.classification
      ? `Classification: ${cable.classification.level}${cable.classification.written.replace(/\s+/g, '') !== cable.classification.level.replace(/\s+/g, '') ? ` (written "${cable.classification.written}")` : ''}`
      : 'No classification line in this cable',
    `Captions: ${cable.captions.length ? cable.captions.join(', ') : 'none'}`,
    `Precedence: ${cable.precedence ? `${cable.precedence.word} (${cable.precedence.code})` : 'not given'}`,
    ...(cable.classificationRange ? ['', 'Click to reveal the classification line.'] : []),
  ].join('\n');
  return {
    text: `$(shield) ${parts.join(SEPARATOR)}`,
    tooltip,
    accessibilityLabel: `Cable ${cable.referenceId}: ${level}${cable.captions.length ? `, captions ${cable.captions.join(', ')}` : ''}${cable.precedence ? `, precedence ${cable.precedence.word}` : ''}`,
    background: backgroundFor(cable.classification?.rank),
  };
}
