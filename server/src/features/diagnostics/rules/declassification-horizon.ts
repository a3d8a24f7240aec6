// declassification-horizon: a DECL date more than 25 years after the cable's date.
import { Rule } from '../rule';
import { finding, isOtherCable, parseDeclDate } from './helpers';

/** Executive orders 12958 and 13526 (section 1.5) set at most 25 years, but for named exemptions. */
const HORIZON_YEARS = 25;

const rule: Rule = {
  code: 'declassification-horizon',
  severity: 'information',
  description: 'The DECL date is at most 25 years after the DTG, the limit the executive orders set.',
  check: ({ cable, facts, reader }) => {
    const decl = reader.find(cable, cable.executiveOrderLine, 'declassification');
    const date = decl && parseDeclDate(decl.value.trim().split(/\s+/)[0]).date;
    const dtg = facts.dtg?.value.date;
    // A body sent on under another cable's header has its own date: body-of-another-cable says so, once.
    if (!decl || !date || !dtg || isOtherCable(facts)) return [];
    const limit = Date.UTC(dtg.getUTCFullYear() + HORIZON_YEARS, dtg.getUTCMonth(), dtg.getUTCDate() + 1);
    if (date.getTime() <= limit) return [];
    const years = date.getUTCFullYear() - dtg.getUTCFullYear();
    return [
      finding(
        decl.span,
        `DECL date ${decl.value.trim()} is ${years} years after the cable's date ${dtg.toISOString().slice(0, 10)}: expected at most ${HORIZON_YEARS} years (E.O. 12958 and 13526, section 1.5), or a typo in the year.`,
      ),
    ];
  },
  examples: [{ good: '10/16/2019', bad: '10/16/2050', flagged: '10/16/2050' }],
};

export default rule;
