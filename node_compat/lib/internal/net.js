'use strict';

// Address helpers shared by net and dgram: isIP/isIPv4/isIPv6 with Node's
// exact grammar, and the symbol net uses to pass pre-normalized arguments.

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);

const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

// A program connects to the same few addresses again and again, and a test
// of these expressions costs QuickJS thousands of instructions: the last
// string each one accepted is remembered (NaN: equal to nothing).
let lastIPv4 = NaN;
let lastIPv6 = NaN;

function isIPv4(s) {
  if (s === lastIPv4) return true;
  if (!IPv4Reg.test(s)) return false; // at Object.isIPv4 (node:internal/net:37:10)
  if (typeof s === 'string') lastIPv4 = s;
  return true;
}

function isIPv6(s) {
  if (s === lastIPv6) return true;
  if (!IPv6Reg.test(s)) return false; // at Object.isIPv6 (node:internal/net:44:10)
  if (typeof s === 'string') lastIPv6 = s;
  return true;
}

function isIP(s) {
  if (isIPv4(s)) return 4; // at Object.isIP (node:internal/net:48:7) calling -
  if (isIPv6(s)) return 6; // at Object.isIP (node:internal/net:49:7) calling -
  return 0;
}

const normalizedArgsSymbol = Symbol('normalizedArgs');

module.exports = { isIP, isIPv4, isIPv6, normalizedArgsSymbol };
