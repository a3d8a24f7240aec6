// header-order: the routing header's lines in their canonical order.
import { headerRank } from '../../../syntax/headerGrammar';
import { Rule } from '../rule';

const rule: Rule = {
  code: 'header-order',
  severity: 'warning',
  description: 'Header lines in canonical order: VZCZC, precedence, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT.',
  check: ({ cable, reader }) => {
    let highest = -1;
    for (const field of cable.header) {
      const rank = headerRank(field.kind);
      if (rank < 0) continue;
      if (rank < highest) {
        const text = reader.line(cable, field.line);
        return [
          {
            line: field.line,
            start: 0,
            end: text.trimEnd().length,
            message: `"${text.trim().split(/\s+/)[0]}" line out of order: expected the order VZCZC, precedence, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT.`,
          },
        ];
      }
      highest = rank;
    }
    return [];
  },
  examples: [
    {
      good: 'R 161223Z OCT 09\nFM AMEMBASSY DUSHANBE',
      bad: 'FM AMEMBASSY DUSHANBE\nR 161223Z OCT 09',
      flagged: 'R 161223Z OCT 09',
    },
  ],
};

export default rule;
