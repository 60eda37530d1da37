/**
 * Old names of two decimal-text functions, kept only for electron/core/report/minutes.ts and
 * electron/core/report/drilldown.ts while those files are being changed; everything else reads
 * shared/decimal/text.ts (exactText is exactDecimalText, scaledText is scaledDecimalText).
 */
export { exactDecimalText as exactText, scaledDecimalText as scaledText } from '../decimal/text.ts';
