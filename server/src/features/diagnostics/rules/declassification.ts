// declassification: the DECL date against the DTG, and N/A against the classification.
import { Rule } from '../rule';
import { finding, parseDeclDate } from './helpers';
import { classificationByWord } from '../../../vocabulary';

const rule: Rule = {
  code: 'declassification',
  severity: 'warning',
  description: 'The DECL date is not before the DTG; N/A only on unclassified cables.',
  check: ({ cable, facts, reader }) => {
    const decl = reader.find(cable, cable.executiveOrderLine, 'declassification');
    if (!decl) return [];
    const value = decl.value.trim();
    if (/^N\/?A\b/i.test(value)) {
      return facts.classification && facts.classification.rank >= 2
        ? [
            finding(
              decl.span,
              `N/A on a ${classificationByWord(facts.classification.level)?.level} cable: a classified cable needs a declassification date (DECL: mm/dd/yyyy).`,
            ),
          ]
        : [];
    }
    const date = parseDeclDate(value.split(/\s+/)[0]).date;
    const dtg = facts.dtg?.value.date;
    if (!date || !dtg || date.getTime() >= Date.UTC(dtg.getUTCFullYear(), dtg.getUTCMonth(), dtg.getUTCDate()))
      return [];
    return [
      finding(
        decl.span,
        `DECL date ${value} is before the cable's date ${dtg.toISOString().slice(0, 10)}: a cable cannot be declassified before it was written.`,
      ),
    ];
  },
  examples: [
    { good: '10/16/2019', bad: '10/16/2008', flagged: '10/16/2008' },
    { good: 'DECL: 10/16/2019', bad: 'DECL: N/A', flagged: 'N/A' },
  ],
};

export default rule;
