// The registry of diagnostic rules, one file each (see ../rule.ts for what a rule holds). Their order is the order
// of the settings in package.json (npm run generate) and of the SARIF rule list. Adding a rule: its file, a line here.
import { ProblemCode } from '../../../syntax/types';
import { Rule } from '../rule';
import transmissionShape from './transmission-shape';
import relayPrecedence from './relay-precedence';
import routingIndicatorShape from './routing-indicator-shape';
import stationSerialShape from './station-serial-shape';
import julianTime from './julian-time';
import securityShape from './security-shape';
import securityLetters from './security-letters';
import dtgPrecedence from './dtg-precedence';
import dtgShape from './dtg-shape';
import addressShape from './address-shape';
import pageBannerInAddress from './page-banner-in-address';
import classificationForm from './classification-form';
import sectionShape from './section-shape';
import executiveOrderShape from './executive-order-shape';
import reasonLetter from './reason-letter';
import embeddedHeader from './embedded-header';
import falseParagraphSign from './false-paragraph-sign';
import paragraphMarker from './paragraph-marker';
import unrecognisedHeaderLine from './unrecognised-header-line';
import headerKeyword from './header-keyword';
import duplicateHeaderLine from './duplicate-header-line';
import missingHeaderLine from './missing-header-line';
import headerOrder from './header-order';
import julianDayMismatch from './julian-day-mismatch';
import julianTimeMismatch from './julian-time-mismatch';
import serialMismatch from './serial-mismatch';
import bodyOfAnotherCable from './body-of-another-cable';
import sectionMismatch from './section-mismatch';
import continuationHeaderMismatch from './continuation-header-mismatch';
import securityClassificationMismatch from './security-classification-mismatch';
import precedenceMismatch from './precedence-mismatch';
import portionAboveClassification from './portion-above-classification';
import nofornWithoutCaption from './noforn-without-caption';
import executiveOrder from './executive-order';
import declassification from './declassification';
import paragraphNumbering from './paragraph-numbering';
import garbledPilcrow from './garbled-pilcrow';
import unknownTag from './unknown-tag';
import duplicateTag from './duplicate-tag';
import missingSubject from './missing-subject';
import missingClassifiedBy from './missing-classified-by';
import referenceLetters from './reference-letters';
import declassificationHorizon from './declassification-horizon';
import stubCable from './stub-cable';
import metadataMismatch from './metadata-mismatch';

/** The rules whose check the lexer and the structure do: one for every problem code they emit, as the type requires. */
const SYNTAX_RULES: { [Code in ProblemCode]: Rule & { code: Code } } = {
  'transmission-shape': transmissionShape,
  'relay-precedence': relayPrecedence,
  'routing-indicator-shape': routingIndicatorShape,
  'station-serial-shape': stationSerialShape,
  'julian-time': julianTime,
  'security-shape': securityShape,
  'security-letters': securityLetters,
  'dtg-precedence': dtgPrecedence,
  'dtg-shape': dtgShape,
  'address-shape': addressShape,
  'page-banner-in-address': pageBannerInAddress,
  'classification-form': classificationForm,
  'section-shape': sectionShape,
  'executive-order-shape': executiveOrderShape,
  'reason-letter': reasonLetter,
  'embedded-header': embeddedHeader,
  'false-paragraph-sign': falseParagraphSign,
  'paragraph-marker': paragraphMarker,
  'unrecognised-header-line': unrecognisedHeaderLine,
  'header-keyword': headerKeyword,
  'duplicate-header-line': duplicateHeaderLine,
};

export const RULES: readonly Rule[] = [
  ...Object.values(SYNTAX_RULES),
  missingHeaderLine,
  headerOrder,
  julianDayMismatch,
  julianTimeMismatch,
  serialMismatch,
  bodyOfAnotherCable,
  sectionMismatch,
  continuationHeaderMismatch,
  securityClassificationMismatch,
  precedenceMismatch,
  portionAboveClassification,
  nofornWithoutCaption,
  executiveOrder,
  declassification,
  declassificationHorizon,
  missingSubject,
  missingClassifiedBy,
  referenceLetters,
  stubCable,
  paragraphNumbering,
  garbledPilcrow,
  unknownTag,
  duplicateTag,
  metadataMismatch,
];

const RULE_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleFor(code: string): Rule | undefined {
  return RULE_BY_CODE.get(code);
}
