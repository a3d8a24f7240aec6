// body-of-another-cable: DE serial, classification-line serial and post name the same cable.
import { Rule } from '../rule';
import { finding, isOtherCable } from './helpers';

const rule: Rule = {
  code: 'body-of-another-cable',
  severity: 'warning',
  description:
    'The body (classification line post and serial) belongs to the cable of the header (FM post, DE serial).',
  check: ({ facts }) => {
    if (!isOtherCable(facts)) return [];
    const body = facts.classification!;
    const de = facts.stationSerial?.serial;
    const serial = de ? ` with serial #${String(de.value).padStart(4, '0')}` : '';
    return [
      finding(
        body.post!.span,
        `This body belongs to another cable: its classification line says ${body.post!.value} ${body.serial!.value}, but the header is from ${facts.originator!.value}${serial}.`,
      ),
    ];
  },
  examples: [{ good: 'DUSHANBE 001151', bad: 'MOSCOW 005154', flagged: 'MOSCOW' }],
};

export default rule;
