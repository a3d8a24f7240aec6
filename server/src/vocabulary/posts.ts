// Posts as reference IDs write them (BUENOSAIRES, THEHAGUE, USUNNEWYORK) and the spellings citations use for them
// (BUENOS AIRES, BA, HAGUE, USUN, SECSTATE). Data: server/data/posts.tsv.
import postsTsv from '../../data/posts.tsv';
import { lazy, parseTsv } from './tsv';

/** A written post reduced to its letters in capitals: `Port-of-Spain` -> PORTOFSPAIN, `Sao Paulo` -> SAOPAULO. */
function postKey(written: string): string {
  return written.toUpperCase().replace(/[^A-Z]/g, '');
}

const byKey = lazy(() => {
  const map = new Map<string, string>();
  for (const row of parseTsv(postsTsv, ['post', 'written'] as const)) map.set(postKey(row.written), row.post);
  return map;
});

/** The post of a reference ID that a citation's post words name (`BA` -> BUENOSAIRES), or undefined when unknown. */
export function knownPost(written: string): string | undefined {
  return byKey().get(postKey(written));
}
