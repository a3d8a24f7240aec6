// julian-day-mismatch: the DE line's day of the year against the DTG's date.
import { dayOfYear } from '../../../facts/facts';
import { MONTHS } from '../../../vocabulary/months';
import { Fix, Rule } from '../rule';
import { finding, replace } from './helpers';

const threeDigits = (n: number) => String(n).padStart(3, '0');

const rule: Rule = {
  code: 'julian-day-mismatch',
  severity: 'warning',
  description: 'The DE line Julian day is the day of the year of the DTG date.',
  check: ({ facts }) => {
    const de = facts.stationSerial;
    const date = facts.dtg?.value.date;
    if (!de?.julianSpan || de.julianDay === undefined || !date) return [];
    const expected = dayOfYear(date);
    if (de.julianDay === expected) return [];
    const span = { ...de.julianSpan, end: de.julianSpan.start + 3 };
    return [
      finding(
        span,
        `Julian day ${threeDigits(de.julianDay)} does not match the DTG (${date.toISOString().slice(0, 10)} is day ${threeDigits(expected)}).`,
      ),
    ];
  },
  fix: (found, { cable, facts, reader }) => {
    const dtg = facts.dtg;
    const de = facts.stationSerial;
    if (!dtg?.value.date || !de?.julianSpan || de.julianDay === undefined) return [];
    const expected = threeDigits(dayOfYear(dtg.value.date));
    const fixes: Fix[] = [
      {
        title: `Change the Julian day to ${expected} (the DTG's day)`,
        edits: [replace(cable, { ...found, end: found.start + 3 }, expected)],
      },
    ];
    // The reverse: the DTG day and month that the Julian day names, in the DTG's year.
    const fromJulian = new Date(Date.UTC(dtg.value.year, 0, de.julianDay));
    if (fromJulian.getUTCFullYear() === dtg.value.year) {
      const dtgText = reader.line(cable, dtg.span.line).slice(dtg.span.start, dtg.span.end);
      const replaced = `${String(fromJulian.getUTCDate()).padStart(2, '0')}${dtgText.slice(2, 7)} ${MONTHS[fromJulian.getUTCMonth()]}${dtgText.slice(dtgText.search(/ \d+\s*$/))}`;
      fixes.push({
        title: `Change the DTG to ${replaced} (the Julian day's date)`,
        edits: [replace(cable, dtg.span, replaced)],
      });
    }
    return fixes;
  },
  examples: [{ good: '2891223', bad: '2901223', flagged: '290' }],
};

export default rule;
