// The month abbreviations of date-time groups (`161223Z OCT 09`), January first: a month's index is its number - 1.
export const MONTHS: readonly string[] = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
