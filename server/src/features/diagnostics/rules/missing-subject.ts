// missing-subject: a cable with a body has a SUBJECT line.
import { Rule } from '../rule';
import { finding, trimmedLine } from './helpers';

const rule: Rule = {
  code: 'missing-subject',
  severity: 'warning',
  description: 'A cable with a body has a SUBJECT line in its caption block.',
  check: ({ cable, reader }) => {
    if (cable.subject || cable.classificationLine === undefined) return [];
    const tags = cable.tagsLines[cable.tagsLines.length - 1];
    const [line, after] =
      tags !== undefined
        ? [tags, 'TAGS line']
        : cable.executiveOrderLine !== undefined
          ? [cable.executiveOrderLine, 'E.O. line']
          : [cable.classificationLine, 'classification line'];
    return [
      finding(trimmedLine(cable, reader, line), `No SUBJECT line: expected SUBJECT: <title> after the ${after}.`),
    ];
  },
  examples: [
    {
      good: 'SUBJECT: RUSSIAN DEPUTY FOREIGN MINISTER ASKS ABOUT U.S. MILITARY\n',
      bad: '',
      flagged: 'TAGS: PREL PHUM PGOV TI',
    },
  ],
};

export default rule;
