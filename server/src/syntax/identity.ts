// What a cable calls itself: its reference ID (09DUSHANBE1151) from the DTG year, post and serial.
import { MONTHS } from '../vocabulary/months';
import { Cable } from './types';

export interface CableIdentity {
  /** `09DUSHANBE1151`, or the best that the present fields allow. */
  referenceId: string;
  year?: string;
  post?: string;
  serial?: number;
}

/** The full year of a two-digit year: 50-99 are the 1900s. */
export function fullYear(twoDigits: number): number {
  return twoDigits >= 50 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** The fields of a date; month 0-based, -1 when its name is unknown. */
export interface DateFields {
  day: number;
  hour: number;
  minute: number;
  month: number;
  year: number;
}

/** A date on a line of its own: a DTG (`291359Z Nov 00`), or the publisher's date line (`Tuesday, 20 January 2004, 09:44`). */
const DATE_LINE =
  /^(?:(\d\d)(\d\d)(\d\d)Z ([A-Za-z]{3}) (\d\d)|[A-Z][a-z]+day, (\d\d?) ([A-Z][a-z]+) (\d{4}), (\d\d):(\d\d))$/;

/** The date line among a cable's first lines: where a partial extract, without a DTG line, carries its date. */
export function dateLine(cable: Cable, lineText: (absolute: number) => string): DateFields | undefined {
  for (let k = 0; k < Math.min(cable.lineCount, 12); k++) {
    const m = DATE_LINE.exec(lineText(cable.startLine + k).trim());
    if (m?.[1]) {
      const [day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return { day, hour, minute, month: MONTHS.indexOf(m[4].toUpperCase()), year: fullYear(Number(m[5])) };
    }
    if (m) {
      const month = MONTHS.indexOf(m[7].slice(0, 3).toUpperCase());
      return { day: Number(m[6]), hour: Number(m[9]), minute: Number(m[10]), month, year: Number(m[8]) };
    }
  }
  return undefined;
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

/** The reference ID a file's name gives (`02BRASILIA4227.cable`; the last segment of a URI or path). */
export interface FileNameId {
  year: string;
  rest: string;
}

export function fileNameId(uri: string): FileNameId | undefined {
  const name = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1).replace(/\.[^.]*$/, '');
  const m = /^(\d\d)([A-Z]+\d+)$/.exec(name);
  return m ? { year: m[1], rest: m[2] } : undefined;
}

/**
 * A cable without a year (a partial extract without a date) takes it from a file name that is its reference ID
 * (`05MADRID4026.cable`), as the publisher named it; else it keeps the ID its text gives.
 */
export function withYearOfFileName(identity: CableIdentity, fileName: FileNameId | undefined): CableIdentity {
  const { year, post, serial, referenceId } = identity;
  if (year !== undefined || post === undefined || serial === undefined || fileName?.rest !== referenceId)
    return identity;
  return { ...identity, year: fileName.year, referenceId: fileName.year + referenceId };
}

export function cableIdentity(cable: Cable, lineText: (absolute: number) => string): CableIdentity {
  const dtgLine = cable.header.find((h) => h.kind === 'dtg')?.line;
  const dtg = tokenText(cable, lineText, dtgLine, 'dateTimeGroup');
  let year = dtg ? /(\d{2,4})\s*$/.exec(dtg)?.[1]?.slice(-2) : undefined;
  year ??= dateLine(cable, lineText)?.year.toString().slice(-2);
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
