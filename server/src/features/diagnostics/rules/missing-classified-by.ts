// missing-classified-by: a classified cable says who classified it and why.
import { Rule } from '../rule';
import { finding, isPartialExtract, stubEnd } from './helpers';
import { classificationByWord, executiveOrder } from '../../../vocabulary';

const rule: Rule = {
  code: 'missing-classified-by',
  severity: 'warning',
  description:
    'A classified cable under E.O. 12958 or 13526 carries a Classified By statement (who classified it, and the reasons 1.4).',
  check: ({ cable, facts, reader }) => {
    const level = facts.classification;
    if (!level || level.rank < 2 || cable.classifiedByLines.length || cable.executiveOrderLine === undefined) return [];
    if (isPartialExtract(cable, reader) || stubEnd(cable, reader) !== undefined) return [];
    // Only the orders with classification reasons (12958, 13526) call for the statement: 1980s cables have none.
    const order = reader.find(cable, cable.executiveOrderLine, 'executiveOrderNumber');
    if (!order || !executiveOrder(order.value)?.reasonSection) return [];
    // The statement written where the caption block does not look: in paragraph 1 (`1. Classified by ...`), on the
    // REF or SUBJECT line, misspelt (`Classfied By`), or as a derivative classification (`DERIVED FROM: ...`).
    const last = cable.paragraphs[0]?.endLine ?? cable.lineCount - 1;
    for (let rel = level.span.line; rel <= last; rel++) if (STATEMENT.test(reader.line(cable, rel))) return [];
    return [
      finding(
        level.span,
        `No Classified By statement on a ${classificationByWord(level.level)?.level} cable: expected "Classified By: <name, title>, Reason: 1.4 (b)" after the subject.`,
      ),
    ];
  },
  examples: [
    {
      good: 'CLASSIFIED BY: Ken Gross, Ambassador, EXEC, State.\nREASON: 1.4 (b), (d)\n',
      bad: '',
      flagged: 'C O N F I D E N T I A L',
    },
  ],
};

const STATEMENT = /\bcla?s+i?fi?e?d\s+by\b|\bderived\s+from\b/i;

export default rule;
