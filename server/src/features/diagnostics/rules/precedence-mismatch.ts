// precedence-mismatch: the precedence line against the DTG line's precedence.
import { Rule } from '../rule';
import { finding } from './helpers';

const rule: Rule = {
  code: 'precedence-mismatch',
  severity: 'warning',
  description: 'The doubled precedence of the precedence line is the first precedence letter of the DTG line.',
  check: ({ facts }) => {
    const relay = facts.relayPrecedence;
    const dtg = facts.dtg?.value.precedence[0];
    if (!relay || !dtg || relay.value[0] === dtg) return [];
    return [
      finding(relay.span, `Precedence ${relay.value} does not match the DTG precedence ${dtg}: expected ${dtg}${dtg}.`),
    ];
  },
  examples: [{ good: 'RR RUEHDBU', bad: 'OO RUEHDBU', flagged: 'OO' }],
};

export default rule;
