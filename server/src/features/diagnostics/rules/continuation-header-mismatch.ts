// continuation-header-mismatch: the page headers of a long cable against its classification line, and their count.
import { comparablePost, samePost } from '../../../facts/facts';
import { Cable, Span } from '../../../syntax/types';
import { firstIndexWhere } from '../../../util/search';
import { Finding, Rule } from '../rule';
import { finding } from './helpers';

const rule: Rule = {
  code: 'continuation-header-mismatch',
  severity: 'warning',
  description:
    'Continuation headers name the post and serial of the classification line, count pages up one by one, and agree with its SECTION total.',
  check: ({ cable, facts }) => {
    const findings: Finding[] = [];
    const body = facts.classification;
    let previous = body?.section?.number ?? 1;
    for (const header of cable.continuationHeaders) {
      if (body?.serial && header.serial !== body.serial.value) {
        findings.push(
          finding(
            header.span,
            `Continuation header serial ${header.serial} differs from the classification-line serial ${body.serial.value}.`,
          ),
        );
      } else if (
        body?.post &&
        !REDACTED.test(header.post) &&
        !comparablePost(body.post.value).startsWith(comparablePost(header.post)) &&
        !samePost(header.post, body.post.value)
      ) {
        // Page headers cut long posts to ten characters: BUENOS AIR for BUENOS AIRES.
        findings.push(
          finding(
            header.span,
            `Continuation header post ${header.post} differs from the classification-line post ${body.post.value}.`,
          ),
        );
      }
      // In the `001.2 OF 004` layout the total counts pages, not sections.
      if (body?.section && !header.suffixed && header.total !== body.section.total) {
        findings.push(
          finding(
            header.span,
            `Continuation header total ${header.total} disagrees with SECTION ${body.section.number} OF ${body.section.total} on the classification line: expected OF ${String(body.section.total).padStart(3, '0')}.`,
          ),
        );
      }
      // Only the page header is missing when the paragraph numbering runs on across it: no text is lost.
      if (header.page > previous + 1 && !paragraphsRunOn(cable, header.span)) {
        const missing =
          header.page - previous - 1 === 1
            ? `section ${previous + 1} is missing`
            : `sections ${previous + 1} to ${header.page - 1} are missing`;
        findings.push(finding(header.span, `Page ${header.page} follows page ${previous}: ${missing} from this text.`));
      } else if (header.page < previous && !(header.suffixed && header.page === previous)) {
        findings.push(
          finding(header.span, `Page ${header.page} after page ${previous}: continuation pages count up one by one.`),
        );
      }
      previous = Math.max(previous, header.page);
    }
    return findings;
  },
  examples: [
    {
      good: 'DUSHANBE 00001151 002 OF 002',
      bad: 'DUSHANBE 00001151 002 OF 003',
      flagged: 'DUSHANBE 00001151 002 OF 003',
    },
  ],
};

/** Whether the paragraphs on both sides of a page header follow each other (¶7 before it, ¶8 after). */
function paragraphsRunOn(cable: Cable, at: Span): boolean {
  const after = firstIndexWhere(
    cable.paragraphs,
    (p) => p.numberSpan.line > at.line || (p.numberSpan.line === at.line && p.numberSpan.start >= at.end),
  );
  const [before, next] = [cable.paragraphs[after - 1], cable.paragraphs[after]];
  return before !== undefined && next !== undefined && next.number === before.number + 1;
}

/** A post redacted by the publisher (`XXXXXXXXXXXX`) cannot be compared. */
const REDACTED = /^X+$/;

export default rule;
