// What a cable calls itself: its reference ID (09DUSHANBE1151) from the DTG year, post and serial.
import { Cable } from './types';

export interface CableIdentity {
  /** `09DUSHANBE1151`, or the best that the present fields allow. */
  referenceId: string;
  year?: string;
  post?: string;
  serial?: number;
}

/** The text of the first token of `kind` on a relative line of the cable. */
function tokenText(
  cable: Cable,
  lineText: (absolute: number) => string,
  line: number | undefined,
  kind: string,
): string | undefined {
  if (line === undefined) return undefined;
  const token = cable.lines[line]?.tokens.find((t) => t.kind === kind);
  return token && lineText(cable.startLine + line).slice(token.start, token.end);
}

/** Post of the FM line: `AMEMBASSY DUSHANBE` -> DUSHANBE, `SECSTATE WASHDC` -> STATE. */
export function postOfOriginator(originator: string): string {
  if (/^SECSTATE\b/.test(originator)) return 'STATE';
  return originator.replace(/^(?:AMEMBASSY|AMCONSUL|USMISSION|USINT|AMEMB|CONGEN)\s+/, '');
}

export function cableIdentity(cable: Cable, lineText: (absolute: number) => string): CableIdentity {
  const dtgLine = cable.header.find((h) => h.kind === 'dtg')?.line;
  const dtg = tokenText(cable, lineText, dtgLine, 'dateTimeGroup');
  let year = dtg ? /(\d{2,4})\s*$/.exec(dtg)?.[1]?.slice(-2) : undefined;
  if (!year) {
    // Partial extracts carry the date on a line of its own (291359Z Nov 00).
    for (let k = 0; k < Math.min(cable.lineCount, 12) && !year; k++)
      year = /^\d{6}Z [A-Za-z]{3} (\d\d)\s*$/.exec(lineText(cable.startLine + k))?.[1];
  }
  let post = tokenText(cable, lineText, cable.classificationLine, 'post')?.replace(/\s+/g, '').toUpperCase();
  const serialText = tokenText(cable, lineText, cable.classificationLine, 'serial');
  let serial = serialText ? Number(serialText) : undefined;
  if (!post) {
    const fromLine = cable.header.find((h) => h.kind === 'from')?.line;
    const originator = tokenText(cable, lineText, fromLine, 'address');
    if (originator) post = postOfOriginator(originator).replace(/\s+/g, '');
  }
  if (serial === undefined) {
    const deLine = cable.header.find((h) => h.kind === 'stationSerial')?.line;
    const station = tokenText(cable, lineText, deLine, 'stationSerial');
    if (station && /\d/.test(station)) serial = Number(station.replace(/\D/g, ''));
  }
  const referenceId = `${year ?? ''}${post ?? 'CABLE'}${serial ?? ''}`;
  return { referenceId, year, post, serial };
}
