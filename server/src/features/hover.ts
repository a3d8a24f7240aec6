// Hover: what the token under the cursor means, in concise markdown.
import { HEADER_FORMS } from '../syntax/headerGrammar';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { MONTHS } from '../vocabulary/months';
import { parseContinuationHeader } from '../syntax/structure';
import { Cable, LineKind, Token } from '../syntax/types';
import {
  classificationByWord,
  classificationByZnLetter,
  classificationReason,
  describePortionMarking,
  executiveOrder,
  parsePortionMarking,
  precedence,
  precedenceByWord,
  CodeTables,
  TAG_FAMILIES,
} from '../vocabulary';
import { CableFacts, dayOfYear, parseDateTimeGroup } from '../facts/facts';
import { fullYear } from '../syntax/identity';
import { DocumentContext } from './context';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const PROSIGNS: Record<string, string> = {
  VZCZC: 'Start of transmission (ACP-127 transmission identification follows: channel and sequence number).',
  DE: 'From station: the routing indicator of the transmitting station, its serial, section and Julian date-time.',
  ZNY: 'Security prosign for classified traffic: the five letters that follow give the classification.',
  ZNR: 'Security prosign for unclassified traffic (followed by UUUUU).',
  ZZH: 'End of the security line.',
  FM: 'Originator of the message (plain-language address).',
  TO: 'Action addressees: routing indicator / plain-language address, precedence, serial.',
  INFO: 'Information addressees.',
  XMT: 'Exempted addressees: members of a collective that do not receive the message.',
  BT: 'Break: separates the heading from the text.',
  NNNN: 'End of message.',
};

const KEYWORDS: Record<string, string> = {
  EO: 'Executive order under which the cable is classified, and its declassification instruction.',
  DECL: 'Declassification instruction: the date (mm/dd/yyyy) on which the cable may be declassified, or a code.',
  TAGS: 'Traffic Analysis by Geography and Subject: subject, program, country (FIPS) and organization codes.',
  SUBJECT: 'Subject line of the cable.',
  REF: 'References: earlier cables (or other documents) this cable answers or cites.',
  CLASSIFIEDBY: 'Classification authority: who classified the cable, and the reasons (section 1.4 letters a-h).',
  REASON: 'Classification reasons: section 1.4 (or 1.5 before 2003) of the executive order, letters a-h.',
};

function iso(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${WEEKDAYS[date.getUTCDay()]}`;
}

/** What a routing indicator does on its line, as the header's grammar reads the line. */
type RoutingRole = 'relay' | 'station' | 'originator' | 'action' | 'information' | 'exempt';

const ROLE_SENTENCES: Record<RoutingRole, string> = {
  relay:
    'Here on the precedence line: a station that receives the message by relay, often for a collective among the addressees.',
  station: 'Here on the DE line: the transmitting station, which sent this cable.',
  originator: 'Here on the FM line: the originator of the message.',
  action: 'Here among the TO addressees: an action addressee.',
  information: 'Here among the INFO addressees: an information addressee.',
  exempt: 'Here on the XMT line: excluded, a member of a collective addressed above that does not receive the message.',
};

const ROLE_OF_LINE: Partial<Record<LineKind, RoutingRole>> = {
  relay: 'relay',
  relayContinuation: 'relay',
  stationSerial: 'station',
  from: 'originator',
  to: 'action',
  info: 'information',
  exempt: 'exempt',
};

/** The role of the routing indicators of header line `rel`: an address line continues the TO, INFO or XMT above it. */
function routingRole(cable: Cable, rel: number): RoutingRole | undefined {
  const at = cable.header.findIndex((field) => field.line === rel);
  for (let k = at; k >= 0; k--) {
    const kind = cable.header[k].kind;
    if (kind !== 'address') return ROLE_OF_LINE[kind];
  }
  return undefined;
}

/** What the station is, by the table's kind: 'a US diplomatic post'; undefined for kinds that say nothing. */
const STATION_KINDS: Record<string, string> = {
  'us-diplomatic-post': 'a US diplomatic post',
  'state-department': 'the Department of State',
  'us-agency': 'a US agency',
  'military-defense': 'a military or defense station',
  'allied/foreign': 'an allied or foreign station',
  collective: 'a collective: one address for a group of stations',
};

/** A routing indicator: the station it names, what the station is, and its role on this line, in sentences. */
function describeRoutingIndicator(
  tables: CodeTables,
  ri: string,
  role: RoutingRole | undefined,
  written?: string,
): string {
  const info = tables.routingIndicator(ri);
  const sentences: string[] = [];
  if (info?.name) {
    const kind = STATION_KINDS[info.kind];
    sentences.push(`**${ri}**: ${info.name}${kind ? `, ${kind}` : ''}.`);
    if (written && written !== info.name) sentences.push(`Addressed on this line as ${written}.`);
  } else {
    sentences.push(
      `**${ri}**: ${info ? 'a routing indicator without a known name' : 'a routing indicator not in the table'}.`,
    );
  }
  if (role) sentences.push(ROLE_SENTENCES[role]);
  if (info) {
    const acp = info.acp117_2014 ?? info.acp117_2010;
    if (acp && acp !== info.name) sentences.push(`Its official decode (ACP 117) is ${acp}.`);
    if (info.note) sentences.push(info.note.replace(/^./, (c) => c.toUpperCase()).replace(/[^.]$/, '$&.'));
    if (info.source) sentences.push(`Its name comes from your table ${info.source}.`);
  }
  const lines = [sentences.join(' ')];
  const explanation = tables.explainRoutingIndicator(ri);
  if (explanation && !info) lines.push(...explanation.letters.map((l) => `- \`${l.letters}\`: ${l.meaning}`));
  return lines.join('\n\n');
}

/** ': <meaning>.' after a code's name and kind ('.' when the table gives none), with the user's table it comes from. */
function meaningOf(meaning: string | undefined, source?: string): string {
  const from = source ? ` (from ${source})` : '';
  return meaning ? `: ${meaning.replace(/\.$/, '')}${from}.` : `${from}.`;
}

function describeClassificationWord(text: string): string {
  const level = classificationByWord(text.replace(/\s+/g, ''));
  return level ? `**${level.level}**. ${level.meaning}` : `Classification "${text}": not a classification word.`;
}

function describeToken(
  { reader, tables }: DocumentContext,
  cable: Cable,
  facts: CableFacts,
  rel: number,
  token: Token,
): string | undefined {
  const text = reader.tokenText(cable, rel, token);
  switch (token.kind) {
    case 'prosign':
      return PROSIGNS[text] && `**${text}**: ${PROSIGNS[text]}`;
    case 'channel':
      return `Transmission identification: channel **${text.slice(0, 3)}**, sequence number **${text.slice(3)}**.`;
    case 'precedence': {
      const p =
        text.length === 2 && text[0] === text[1]
          ? precedence(text[0])
          : text.length === 1
            ? precedence(text)
            : precedenceByWord(text);
      return p ? `**Precedence ${p.code}** (${p.word}): ${p.meaning}` : `Precedence "${text}" (unknown)`;
    }
    case 'routingIndicator': {
      // On an address line (RUEHC/SECSTATE WASHDC) the name after the slash is how this cable addresses the station.
      const written = reader.find(cable, rel, 'address')?.value;
      return describeRoutingIndicator(tables, text, routingRole(cable, rel), written);
    }
    case 'stationSerial':
      return `Station serial **${text}**: the last four digits of the telegram serial${facts.classification?.serial ? ` (classification line: ${facts.classification.serial.value})` : ''}.`;
    case 'sectionNumber':
      return `Section **${Number(text.slice(1))}** of this transmission${facts.classification?.section ? ` (SECTION ${facts.classification.section.number} OF ${facts.classification.section.total})` : ''}.`;
    case 'julianTime': {
      const m = /^(\d{3})(\d{2})(\d{2})$/.exec(text);
      if (!m) return undefined;
      const year = facts.dtg?.value.year;
      const date = year ? new Date(Date.UTC(year, 0, Number(m[1]), Number(m[2]), Number(m[3]))) : undefined;
      const dtgDay = facts.dtg?.value.date
        ? ` (DTG is day ${String(dayOfYear(facts.dtg.value.date)).padStart(3, '0')})`
        : '';
      return `**Julian date-time**: day ${m[1]} of the year, ${m[2]}:${m[3]} UTC${date ? ` = ${iso(date)}` : ''}${dtgDay}.`;
    }
    case 'securityLetters': {
      const level = classificationByZnLetter(text[0]);
      return level
        ? `**${text}**: the security letters of ${/^[AEIOU]/.test(level.level) ? 'an' : 'a'} ${level.level} cable. ${level.meaning}`
        : `**${text}**: security letters of no known classification.`;
    }
    case 'dateTimeGroup': {
      const dtg = parseDateTimeGroup(text);
      return dtg.date
        ? `**Date-time group** ${text}: ${iso(dtg.date)}, day ${String(dayOfYear(dtg.date)).padStart(3, '0')} of the year. The cable's official date.`
        : `Date-time group ${text}: not a valid date (DDHHMMZ MON YY, months ${MONTHS[0]}-${MONTHS[11]}).`;
    }
    case 'address':
      return `Plain-language address **${text}**`;
    case 'addressSerial':
      return `Addressee serial **${text}**: this addressee's count of messages from the originator.`;
    case 'classification':
      return describeClassificationWord(text);
    case 'section': {
      const m = /(\d+)\D+(\d+)/.exec(text);
      return m
        ? `**Section ${Number(m[1])} of ${Number(m[2])}**: this text is part ${Number(m[1])} of a cable sent in ${Number(m[2])} transmissions.`
        : undefined;
    }
    case 'post':
      return `Originating post **${text}**${facts.identity.referenceId ? `: reference ID ${facts.identity.referenceId}` : ''}.`;
    case 'serial':
      return `Telegram serial **${Number(text)}** of ${facts.classification?.post?.value ?? 'the post'}${facts.identity.year ? ` in ${fullYear(Number(facts.identity.year))}` : ''}.`;
    case 'caption': {
      const c = tables.caption(text);
      return c
        ? `**${c.caption}**, ${c.kind === 'user' ? 'a caption of your own' : `a ${c.kind.replace(/ caption$/, '')} caption`}${meaningOf(c.meaning, c.source)}`
        : `**${text}**: a caption.`;
    }
    case 'executiveOrderNumber': {
      const eo = executiveOrder(text);
      return eo
        ? `**Executive Order ${eo.eo}** (${eo.years})${eo.reasonSection ? `: reasons under section ${eo.reasonSection}` : ''}.${eo.note ? ` ${eo.note}` : ''}`
        : `Executive Order ${text}: not a known classification order.`;
    }
    case 'declassification': {
      const value = text.trim();
      if (/^N\/?A/i.test(value)) return '**N/A**: no declassification date (unclassified cable).';
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(value);
      const date =
        m && new Date(Date.UTC(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]) - 1, Number(m[2])));
      const years =
        date && facts.dtg?.value.date
          ? ` (${((date.getTime() - facts.dtg.value.date.getTime()) / 31_557_600_000).toFixed(1)} years after the DTG)`
          : '';
      return date ? `**Declassify on** ${date.toISOString().slice(0, 10)}${years}.` : `Declassification: ${value}`;
    }
    case 'tag': {
      const t = tables.tagCode(text);
      if (!t) return `TAGS code **${text}**: not a known code.`;
      const also = (t.also ?? []).map((a) => ` Also ${TAG_FAMILIES[a.family]}${meaningOf(a.meaning ?? a.name)}`);
      return `**${t.code}**, ${TAG_FAMILIES[t.family]}${meaningOf(t.meaning ?? t.name, t.source)}${also.join('')}`;
    }
    case 'reasonLetter': {
      const r = classificationReason(text);
      return r ? `**Reason 1.4(${text.toLowerCase()})**: ${r.meaning}` : `Reason (${text}): not one of a-h.`;
    }
    case 'portionMarking': {
      const marking = parsePortionMarking(text.slice(1, -1));
      return marking ? `**Portion marking** ${describePortionMarking(marking)}` : `Portion marking ${text}`;
    }
    case 'paragraphNumber': {
      // Two paragraphs may share a line (a run-in): the one whose number this is.
      const p = cable.paragraphs.find((para) => para.numberSpan.line === rel && para.numberSpan.start === token.start);
      if (!p) return undefined;
      const how =
        p.marker === 'garbledPilcrow'
          ? ` (written "${p.writtenNumber}.": the paragraph sign became a 1)`
          : p.marker === 'bare'
            ? ' (without paragraph sign)'
            : '';
      return `**Paragraph ${p.number}**${how}, lines ${cable.startLine + p.startLine + 1}-${cable.startLine + p.endLine + 1}.`;
    }
    case 'continuationHeader': {
      const h = parseContinuationHeader(text);
      return h
        ? `**Continuation header**: ${h.post} ${h.serial}, page ${h.page}${h.suffixed ? ` (${text.trim().split(/\s+/).at(-3)})` : ''} of ${h.total}. Marks where transmission section ${h.page} begins.`
        : undefined;
    }
    case 'redaction':
      return '**Redaction**: text removed before publication (names and identifying details).';
    case 'blockStart':
    case 'blockEnd': {
      const block = cable.blocks.find(
        (b) =>
          (b.opener.line === rel && b.opener.start === token.start) ||
          (b.closer?.line === rel && b.closer.start === token.start),
      );
      if (block)
        return `**${block.kind[0].toUpperCase()}${block.kind.slice(1)}** block, lines ${cable.startLine + block.opener.line + 1}-${cable.startLine + block.endLine + 1}${block.closer ? '' : ' (not closed)'}.`;
      return token.kind === 'blockEnd' ? `**${text}**: closes a block whose opener is not in this cable.` : undefined;
    }
    case 'citation': {
      const m = /^(?:(\d{2,4}) )?(.*?) (\d+)/.exec(text);
      if (!m) return undefined;
      const year = m[1] ? m[1].slice(-2) : facts.identity.year;
      return `**Cited cable** ${m[2]} ${Number(m[3])}${year ? `: reference ID ${year}${m[2].replace(/\s+/g, '').replace(/^SECSTATE$/, 'STATE')}${Number(m[3])}${m[1] ? '' : ' (year of this cable)'}` : ''}.`;
    }
    case 'itemLabel':
      return `**Reference ${text.replace(/[^A-Z]/g, '')}**: cited in the text as "ref ${text.replace(/[^A-Z]/g, '')}".`;
    case 'preHeader':
      return 'Matter before the cable header (partial-extract notice, distribution block, page banner or metadata record): not part of the telegram.';
    case 'signature':
      return `**Signature**: ${text}${facts.identity.post === 'STATE' ? ' (STATE cables are signed by the Secretary)' : ''}.`;
    case 'keyword': {
      const key = text.toUpperCase().replace(/[^A-Z]/g, '');
      const meaning =
        KEYWORDS[
          key.startsWith('REF')
            ? 'REF'
            : key.startsWith('SUBJ')
              ? 'SUBJECT'
              : key.startsWith('TAG')
                ? 'TAGS'
                : key.startsWith('REASON')
                  ? 'REASON'
                  : key.startsWith('DECL')
                    ? 'DECL'
                    : key
        ];
      return meaning && `**${text.replace(/:$/, '')}**: ${meaning}`;
    }
    case 'heading':
      return `**Heading** inside the text: ${text}`;
    case 'operatorTail':
      return 'Operator material: marks a corrected or serviced retransmission.';
    default:
      return undefined;
  }
}

export function hover(context: DocumentContext, position: Position): Hover | null {
  const { reader } = context;
  const cable = reader.model.cableAt(position.line);
  if (!cable) return null;
  const rel = position.line - cable.startLine;
  const token = cable.lines[rel]?.tokens.find((t) => t.start <= position.character && position.character < t.end);
  if (!token) return unrecognisedHeaderHover(context, cable, rel, position.line);
  const value = describeToken(context, cable, reader.facts(cable), rel, token);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: {
      start: { line: position.line, character: token.start },
      end: { line: position.line, character: token.end },
    },
  };
}

/** A header line that fits no role has no token: the hover covers the line and says what was expected there. */
function unrecognisedHeaderHover(context: DocumentContext, cable: Cable, rel: number, line: number): Hover | null {
  const expected = cable.header.find((h) => h.line === rel)?.expected;
  if (!expected) return null;
  const text = context.reader.line(cable, rel);
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: `**Unrecognised header line**: no header line has this shape. Expected here: ${HEADER_FORMS[expected]}.`,
    },
    range: { start: { line, character: 0 }, end: { line, character: text.trimEnd().length } },
  };
}
