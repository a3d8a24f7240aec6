// julian-day-mismatch: the DE line's day of the year against the DTG's date, read as a transmission time: a cable
// released at 2356Z and sent at 0014Z the next day has the next day's number, and that is no defect.
import { dayOfYear } from '../../../facts/facts';
import { MONTHS } from '../../../vocabulary/months';
import { Rule } from '../rule';
import { finding, parseDeclDate, replace, transmissionDelay, withinTransmissionDelay } from './helpers';

const threeDigits = (n: number) => String(n).padStart(3, '0');

/** Which side the DECL date witnesses (drafted the same day: same month and day), when it names one side only. */
type Witness = { wrong: 'julianDay' | 'dtg' };

const rule: Rule<Witness> = {
  code: 'julian-day-mismatch',
  severity: 'warning',
  description: 'The DE line Julian day and time are the DTG date and time, or a transmission up to an hour after it.',
  check: ({ cable, facts, reader }) => {
    const de = facts.stationSerial;
    const dtg = facts.dtg?.value;
    const delay = transmissionDelay(facts);
    if (!de?.julianSpan || de.julianDay === undefined || !dtg?.date || delay === undefined) return [];
    const expected = dayOfYear(dtg.date);
    if (de.julianDay === expected || withinTransmissionDelay(delay)) return [];
    const span = { ...de.julianSpan, end: de.julianSpan.start + 3 };
    const message = `Julian day ${threeDigits(de.julianDay)} does not match the DTG (${dtg.date.toISOString().slice(0, 10)} is day ${threeDigits(expected)}).`;
    const decl = reader.find(cable, cable.executiveOrderLine, 'declassification');
    const declDate = decl && parseDeclDate(decl.value.trim().split(/\s+/)[0]).date;
    const sameDay = (date: Date) =>
      declDate !== undefined &&
      declDate.getUTCMonth() === date.getUTCMonth() &&
      declDate.getUTCDate() === date.getUTCDate();
    const julianDate = new Date(Date.UTC(dtg.year, 0, de.julianDay));
    const dtgWitnessed = sameDay(dtg.date);
    const julianWitnessed = julianDate.getUTCFullYear() === dtg.year && sameDay(julianDate);
    if (dtgWitnessed === julianWitnessed) return [finding(span, message)];
    return [
      finding(
        span,
        `${message} The DECL date ${decl!.value.trim()} has the ${dtgWitnessed ? 'DTG' : 'Julian day'}'s date.`,
        {
          wrong: dtgWitnessed ? 'julianDay' : 'dtg',
        },
      ),
    ];
  },
  // A date is rewritten only when the DECL date shows which side is wrong.
  fix: (found, { cable, facts, reader }) => {
    const dtg = facts.dtg;
    const de = facts.stationSerial;
    if (!found.data || !dtg?.value.date || de?.julianDay === undefined) return [];
    if (found.data.wrong === 'julianDay') {
      const expected = threeDigits(dayOfYear(dtg.value.date));
      return [
        {
          title: `Change the Julian day to ${expected} (the DTG's day)`,
          edits: [replace(cable, { ...found, end: found.start + 3 }, expected)],
          preferred: true,
        },
      ];
    }
    const fromJulian = new Date(Date.UTC(dtg.value.year, 0, de.julianDay));
    const dtgText = reader.line(cable, dtg.span.line).slice(dtg.span.start, dtg.span.end);
    const replaced = `${String(fromJulian.getUTCDate()).padStart(2, '0')}${dtgText.slice(2, 7)} ${MONTHS[fromJulian.getUTCMonth()]}${dtgText.slice(dtgText.search(/ \d+\s*$/))}`;
    return [
      {
        title: `Change the DTG to ${replaced} (the Julian day's date)`,
        edits: [replace(cable, dtg.span, replaced)],
        preferred: true,
      },
    ];
  },
  examples: [
    { good: '2891223', bad: '2901223', flagged: '290' },
    { good: '2891223', bad: '2881223', flagged: '288' },
  ],
};

export default rule;
