// serial-mismatch: DE serial against the classification-line serial (unless the body belongs to another cable).
import { Rule } from '../rule';
import { finding, isOtherCable, replace } from './helpers';

/** The DE serial the classification line calls for, as written: `#1840`. */
type Expected = { serial: string };

const rule: Rule<Expected> = {
  code: 'serial-mismatch',
  severity: 'warning',
  description: 'The DE serial is the last four digits of the classification-line serial.',
  check: ({ facts }) => {
    const de = facts.stationSerial?.serial;
    const body = facts.classification?.serial;
    if (!de || !body || de.value === body.value % 10000 || isOtherCable(facts)) return [];
    const serial = `#${String(body.value % 10000).padStart(4, '0')}`;
    return [
      finding(
        de.span,
        `DE serial #${String(de.value).padStart(4, '0')} does not match the classification-line serial ${body.value}: expected ${serial}.`,
        { serial },
      ),
    ];
  },
  // Not preferred: the classification line may be the wrong side.
  fix: (found, { cable }) =>
    found.data
      ? [{ title: `Change the DE serial to ${found.data.serial}`, edits: [replace(cable, found, found.data.serial)] }]
      : [],
  examples: [{ good: '#1151/01', bad: '#1152/01', flagged: '#1152' }],
};

export default rule;
