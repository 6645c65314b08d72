'use strict';

// Internationalised domain names without ICU: Punycode (RFC 3492) and the
// UTS #46 processing the URL standard asks for (non-transitional, no STD3
// rules, no DNS length check). The UTS #46 mapping table is approximated
// with the engine's Unicode data: NFKC, then per-character lowercasing,
// which agrees with the table for letters, digits, compatibility forms and
// full-width characters; joiners, unassigned and private-use code points,
// controls and dot look-alikes are rejected as the table does.

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7FFFFFFF;

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((BASE - TMIN) * TMAX) >> 1) {
    delta = Math.floor(delta / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
}

function digitChar(d) {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

function digitValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 22;
  if (c >= 0x41 && c <= 0x5A) return c - 0x41;
  if (c >= 0x61 && c <= 0x7A) return c - 0x61;
  return BASE;
}

// Punycode of a label given as a string; null if it overflows.
function punycodeEncode(label) {
  const input = Array.from(label, (ch) => ch.codePointAt(0));
  let output = '';
  for (const cp of input) if (cp < 0x80) output += String.fromCharCode(cp);
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < input.length) {
    let m = MAX_INT;
    for (const cp of input) if (cp >= n && cp < m) m = cp;
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of input) {
      if (cp < n && ++delta > MAX_INT) return null;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
          if (q < t) break;
          output += digitChar(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digitChar(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// The label a Punycode string stands for; null when it is malformed.
function punycodeDecode(input) {
  const output = [];
  let basicEnd = input.lastIndexOf('-');
  if (basicEnd < 0) basicEnd = 0;
  for (let j = 0; j < basicEnd; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const count = output.length + 1;
    bias = adapt(i - oldi, count, oldi === 0);
    if (Math.floor(i / count) > MAX_INT - n) return null;
    n += Math.floor(i / count);
    i %= count;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

const IGNORED = /[\u00AD\u034F\u180B-\u180F\u200B\u2060\u2064\uFE00-\uFE0F\uFEFF\u{E0100}-\u{E01EF}]/gu;
const FULL_STOPS = /[\u3002\uFF0E\uFF61]/g;
const DISALLOWED = /[\u0080-\u009F\u200C\u200D\uFFFC-\uFFFF\p{Cn}\p{Co}\p{Cs}]/u;
const ASCII_ONLY = /^[\x00-\x7F]*$/;

// The UTS #46 mapping of one already-NFKC code point.
function mapChar(ch) {
  if (ch === '\u1E9E') return 'ss';
  return ch.toLowerCase();
}

function mapDomain(domain) {
  let s = domain.replace(IGNORED, '').replace(FULL_STOPS, '.');
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch.toLowerCase();
      continue;
    }
    const compat = ch.normalize('NFKC');
    if (compat !== ch && compat.includes('.')) return null;  // dot look-alikes are disallowed
    for (const c of compat) out += mapChar(c);
  }
  return out.normalize('NFKC');
}

// UTS #46 validity of a label after mapping.
function validLabel(label) {
  if (label.length === 0) return true;
  if (DISALLOWED.test(label)) return false;
  if (/^\p{M}/u.test(label)) return false;
  return label.normalize('NFC') === label;
}

// UTS #46 ToASCII; null on failure (the URL standard's "domain to ASCII").
function toASCII(domain) {
  const mapped = mapDomain(domain);
  if (mapped === null) return null;
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null || decoded === '' || !validLabel(decoded) || mapDomain(decoded) !== decoded) {
        return null;
      }
    } else if (!ASCII_ONLY.test(label)) {
      if (!validLabel(label)) return null;
      const encoded = punycodeEncode(label);
      if (encoded === null) return null;
      labels[i] = `xn--${encoded}`;
    }
  }
  return labels.join('.');
}

// UTS #46 ToUnicode over a domain that ToASCII accepted.
function toUnicode(domain) {
  const ascii = toASCII(domain);
  if (ascii === null) return null;
  return ascii.split('.').map((label) => (label.startsWith('xn--') ? punycodeDecode(label.slice(4)) : label)).join('.');
}

module.exports = {
  punycodeDecode,
  punycodeEncode,
  toASCII,
  toUnicode,
};
