import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../src/server/residents/phones.js';

/** What libphonenumber-js alone says about a number: the reference the quick path for plain mobiles must agree with. */
function byLibrary(text: string) {
  const parsed = parsePhoneNumberFromString(text, 'CN');
  if (!parsed || !parsed.isValid() || parsed.countryCallingCode !== '86') return null;
  const type = parsed.getType();
  const kind = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? 'landline' : null;
  return kind && { number: parsed.number, kind, last4: String(parsed.nationalNumber).slice(-4) };
}

describe('parsePhone', () => {
  it('agrees with libphonenumber-js on 11-digit numbers of every prefix from 130 to 199', () => {
    let seed = 42;
    const digits = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        s += String(seed % 10);
      }
      return s;
    };
    const differences: string[] = [];
    for (let prefix = 1300; prefix <= 1999; prefix++) {
      for (const tail of ['0000000', '9999999', '1234567', digits(7), digits(7), digits(7)]) {
        const number = `${prefix}${tail}`;
        if (JSON.stringify(parsePhone(number)) !== JSON.stringify(byLibrary(number))) differences.push(number);
      }
    }
    expect(differences).toEqual([]);
  });

  it('reads full-width digits, landlines, extensions and refuses what is not a Chinese number', () => {
    expect(parsePhone('１３８００１３８０００')).toEqual({ number: '+8613800138000', kind: 'mobile', last4: '8000' });
    expect(parsePhone('138 0013 8000')).toEqual({ number: '+8613800138000', kind: 'mobile', last4: '8000' });
    expect(parsePhone('0571-88888888')).toEqual({ number: '+8657188888888', kind: 'landline', last4: '8888' });
    expect(parsePhone('0571-88888888-123')).toEqual({ number: '+8657188888888;ext=123', kind: 'landline', last4: '8888' });
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('+1 650 253 0000')).toBeNull();
  });
});
