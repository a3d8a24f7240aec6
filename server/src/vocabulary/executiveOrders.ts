// Executive orders cited on the E.O. line ('E.O. 12958: DECL: 03/24/2019') and the classification reasons 1.4 (a)-(h)
// of the 'Classified By:' line. Data: server/data/executive-orders.tsv; the reason meanings are summaries of
// E.O. 12958 sec. 1.4 as amended by E.O. 13292 (written here, not from the tables).
import executiveOrdersTsv from '../../data/executive-orders.tsv';
import { lazy, parseTsv, splitList, toCount } from './tsv';

export interface ExecutiveOrder {
  /** The order number, '12958'. */
  eo: string;
  /** When cables cited it: '1995-2009 (as amended by 13292 from 2003)'. */
  years: string;
  /** Section holding the classification reasons, as the table describes it ('1.4'); undefined when none. */
  reasonSection?: string;
  /** Declassification forms seen with it: 'DECL: mm/dd/yyyy', 'N/A for UNCLAS', 'OADR' ... */
  declForms: string[];
  countInSample: number;
  note?: string;
}

const COLUMNS = ['eo', 'years_in_use', 'count_in_sample', 'reason_section', 'decl_forms', 'note'] as const;

// Only rows with one five-digit number are orders; the table's '12598 / 19523 / 19528' row lists typos of 12958.
const orders = lazy(
  () =>
    new Map(
      parseTsv(executiveOrdersTsv, COLUMNS)
        .filter((row) => /^\d{5}$/.test(row.eo))
        .map((row): [string, ExecutiveOrder] => [
          row.eo,
          {
            eo: row.eo,
            years: row.years_in_use,
            reasonSection: row.reason_section === '-' ? undefined : row.reason_section || undefined,
            declForms: splitList(row.decl_forms, /[;,]/),
            countInSample: toCount(row.count_in_sample),
            note: row.note || undefined,
          },
        ]),
    ),
);

export function allExecutiveOrders(): ExecutiveOrder[] {
  return [...orders().values()];
}

/** A known executive order by number (11652, 12065, 12356, 12958, 13526); undefined for unknown numbers and typos. */
export function executiveOrder(number: string | number): ExecutiveOrder | undefined {
  return orders().get(String(number).trim());
}

export interface ClassificationReason {
  letter: string;
  meaning: string;
  note?: string;
}

const REASONS: Record<string, string> = {
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities (including special activities), intelligence sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological, or economic matters relating to the national security, including defense against transnational terrorism',
  f: 'United States Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services relating to the national security, including defense against transnational terrorism',
  h: 'weapons of mass destruction',
};

const REASON_NOTES: Record<string, string> = {
  e: 'the words on transnational terrorism were added by E.O. 13292 (2003)',
  g: 'infrastructures, protection services and transnational terrorism were added by E.O. 13292 (2003)',
  h: 'added by E.O. 13292 (2003); before that the list was section 1.5 (a)-(g)',
};

/**
 * Classification reason by letter, as in 'Reason: 1.4 (b), (d)': the categories of information that may be classified
 * under E.O. 12958 sec. 1.4 as amended (sec. 1.5 before 2003), summarised. Undefined outside a-h.
 */
export function classificationReason(letter: string): ClassificationReason | undefined {
  const key = letter
    .trim()
    .replace(/^\((.)\)$/, '$1')
    .toLowerCase();
  const meaning = REASONS[key];
  return meaning === undefined
    ? undefined
    : { letter: key, meaning, ...(REASON_NOTES[key] ? { note: REASON_NOTES[key] } : {}) };
}
