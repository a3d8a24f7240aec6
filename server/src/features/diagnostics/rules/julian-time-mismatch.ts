// julian-time-mismatch: the DE line's time against the DTG's (transmission follows release).
import { dayOfYear } from '../../../facts/facts';
import { Rule } from '../rule';
import { finding, transmissionDelay, withinTransmissionDelay } from './helpers';

const twoDigits = (n: number) => String(n).padStart(2, '0');

const rule: Rule = {
  code: 'julian-time-mismatch',
  severity: 'information',
  description: 'The DE line time is the DTG time or somewhat later (transmission after release).',
  check: ({ facts }) => {
    const de = facts.stationSerial;
    const dtg = facts.dtg?.value;
    const delay = transmissionDelay(facts);
    // A different day is julian-day-mismatch's to report.
    if (!de?.julianSpan || delay === undefined || !dtg?.date || de.julianDay !== dayOfYear(dtg.date)) return [];
    if (withinTransmissionDelay(delay)) return [];
    const span = { ...de.julianSpan, start: de.julianSpan.start + 3 };
    return [
      finding(
        span,
        `Transmission time ${twoDigits(de.hour!)}${twoDigits(de.minute!)} is ${delay > 0 ? `${delay} minutes after` : `${-delay} minutes before`} the DTG time ${twoDigits(dtg.hour)}${twoDigits(dtg.minute)}Z: expected the same time or up to an hour later.`,
      ),
    ];
  },
  examples: [{ good: '2891223', bad: '2891523', flagged: '1523' }],
};

export default rule;
