// executive-order: the E.O. line's order is a known one and its DECL date a real date.
import { editDistance, executiveOrder } from '../../../vocabulary';
import { Finding, Rule } from '../rule';
import { finding, parseDeclDate } from './helpers';

const rule: Rule = {
  code: 'executive-order',
  severity: 'error',
  description: 'The E.O. line names a known order (12958, 13526, 12356, 12065, 11652) and a real DECL date.',
  check: ({ cable, reader }) => {
    const rel = cable.executiveOrderLine;
    if (rel === undefined) return [];
    const findings: Finding[] = [];
    const number = reader.find(cable, rel, 'executiveOrderNumber');
    if (number && !executiveOrder(number.value)) {
      const near = ['12958', '13526', '12356'].find((n) => editDistance(n, number.value) <= 2);
      findings.push(
        finding(
          number.span,
          `Unknown executive order ${number.value}: expected 12958 (1995-2009), 13526 (2010 on) or an older order${near ? `; did you mean ${near}?` : '.'}`,
        ),
      );
    }
    const decl = reader.find(cable, rel, 'declassification');
    const value = decl?.value.trim().split(/\s+/)[0] ?? '';
    if (decl && /^\d/.test(value)) {
      const parsed = parseDeclDate(value);
      if (parsed.shaped && !parsed.date)
        findings.push(
          finding(
            { ...decl.span, end: decl.span.start + value.length },
            `DECL date ${value} is not a real date: expected mm/dd/yyyy.`,
          ),
        );
    }
    return findings;
  },
  examples: [
    { good: '12958', bad: '12598', flagged: '12598' },
    { good: 'DECL: 10/16/2019', bad: 'DECL: 10/32/2019', flagged: '10/32/2019' },
  ],
};

export default rule;
