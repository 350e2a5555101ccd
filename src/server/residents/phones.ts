/**
 * Chinese phone numbers: mobiles and landlines with area code and extension, validated and normalised with
 * libphonenumber-js (never hand-written patterns), masked for display, and split out of messy cells.
 */
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizeText } from '../households/room.js';

export interface Phone {
  /** E.164, plus ";ext=123" for an extension: the form stored and compared */
  number: string;
  kind: 'mobile' | 'landline';
  last4: string;
}

const PLAIN_MOBILE = /^1[3-9]\d{9}$/;

/** What libphonenumber-js's numbering plan holds beyond its published types: the patterns it validates with. */
interface PlanPatterns {
  nationalNumberPattern(): string;
  type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/**
 * True when an 11-digit national number is what libphonenumber-js calls a valid MOBILE number of China, decided
 * with the library's own patterns compiled once (the library compiles them again on every call, which dominates
 * an import of 100,000 rows). Mirrors its getNumberType: the general pattern, not fixed-line, then mobile. Such a
 * number is never shortened by the national prefix for parsing, whose remainder would be too short to be valid.
 */
const isPlainMobile = (() => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('CN');
  const plan = metadata.numberingPlan as unknown as PlanPatterns;
  const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
  const ofType = (name: string) => {
    const type = plan.type(name);
    if (!type?.pattern()) return () => false;
    const re = whole(type.pattern());
    const lengths = type.possibleLengths();
    return (n: string) => (!lengths || lengths.includes(n.length)) && re.test(n);
  };
  const valid = whole(plan.nationalNumberPattern());
  const fixedLine = ofType('FIXED_LINE');
  const mobile = ofType('MOBILE');
  return (national: string) => PLAIN_MOBILE.test(national) && valid.test(national) && !fixedLine(national) && mobile(national);
})();

/** Parses one number as written in China; null when it is not a valid Chinese number. */
export function parsePhone(raw: string): Phone | null {
  if (isPlainMobile(raw)) return { number: `+86${raw}`, kind: 'mobile', last4: raw.slice(-4) };
  let text = normalizeText(raw).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  if (text !== raw && isPlainMobile(text)) return { number: `+86${text}`, kind: 'mobile', last4: text.slice(-4) };
  // "0571-88888888-123", "0571 8888 8888 转 123", "x123": libphonenumber reads "ext." forms.
  text = text.replace(/\s*(转|分机|ext\.?|x)\s*(\d{1,6})$/i, ' ext. $2');
  const landlineWithDashExt = text.match(/^(0\d{2,3})-(\d{7,8})-(\d{1,6})$/);
  if (landlineWithDashExt) text = `${landlineWithDashExt[1]}-${landlineWithDashExt[2]} ext. ${landlineWithDashExt[3]}`;
  const parsed = parsePhoneNumberFromString(text, 'CN');
  if (!parsed || !parsed.isValid() || parsed.countryCallingCode !== '86') return null;
  const type = parsed.getType();
  const kind = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? 'landline' : null;
  if (!kind) return null;
  const national = String(parsed.nationalNumber);
  return {
    number: parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number,
    kind,
    last4: national.slice(-4),
  };
}

/** Splits a cell that may hold several numbers: "13800138000 / 0571-88888888，13900139000". */
export function splitPhones(cell: string): string[] {
  return normalizeText(cell)
    .split(/[,，;；/、|\n]+|\s{2,}|\s(?=1\d{10})/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** How a number is shown to people: 138 0013 8000 or 0571-8888 8888 转 123. */
export function formatPhone(number: string): string {
  const [e164, ext] = number.split(';ext=');
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed ? parsed.formatNational() : e164;
  return ext ? `${national} 转 ${ext}` : national;
}

/** Masked for everyone by default: 138****8000; landlines keep the area code: 0571-****8888. */
export function maskPhone(number: string): string {
  const [e164] = number.split(';ext=');
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed ? String(parsed.nationalNumber) : e164.replace(/\D/g, '');
  if (parsed?.getType() === 'MOBILE' || /^1\d{10}$/.test(national)) return `${national.slice(0, 3)}****${national.slice(-4)}`;
  const areaLength = /^(10|2\d)/.test(national) ? 2 : 3;
  return `0${national.slice(0, areaLength)}-****${national.slice(-4)}`;
}
