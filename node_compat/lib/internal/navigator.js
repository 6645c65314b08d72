'use strict';

// The `navigator` global (Navigator in the WHATWG sense, as Node 23 offers
// it): CPU count, the default locale, a user agent and the platform.

const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');

const kSkipThrow = Symbol('kSkipThrow');

// The default locale as ICU derives it from the environment: the first of
// LC_ALL, LC_MESSAGES and LANG that is set ('' means undetermined), without
// its codeset, as a BCP 47 tag ('pt_BR.UTF-8' -> 'pt-BR').
function defaultLocale() {
  const env = process.env;
  const setting = ['LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]).find((v) => v !== undefined);
  if (setting === undefined) return 'en-US';
  if (setting === '') return 'und';
  const [withoutModifier, modifier] = setting.split('@');
  const base = withoutModifier.split('.')[0];
  if (base === 'C' || base === 'POSIX' || base === '') return 'en-US';
  const subtags = base.split(/[_-]/).map((part, i) => {
    if (i === 0) return part.toLowerCase();
    if (/^[a-zA-Z]{4}$/.test(part)) return part[0].toUpperCase() + part.slice(1).toLowerCase();
    if (/^([a-zA-Z]{2}|[0-9]{3})$/.test(part)) return part.toUpperCase();
    return part.toLowerCase();
  });
  if (modifier) {
    const variant = modifier.toLowerCase();
    // BCP 47 variants are 5-8 characters (or a digit and 3); others go private-use.
    subtags.push(/^([a-z0-9]{5,8}|[0-9][a-z0-9]{3})$/.test(variant) ? variant : `x-lvariant-${variant}`);
  }
  return subtags.join('-');
}

function platformName() {
  const os = require('os');
  switch (process.platform) {
    case 'linux':
      return `Linux ${os.machine()}`;
    case 'darwin':
      return 'MacIntel';
    case 'win32':
      return 'Win32';
    default:
      return `${os.type()} ${os.machine()}`;
  }
}

class Navigator {
  #hardwareConcurrency;
  #language;
  #languages;
  #userAgent;
  #platform;

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get hardwareConcurrency() {
    this.#hardwareConcurrency ??= require('os').availableParallelism();
    return this.#hardwareConcurrency;
  }

  get language() {
    this.#language ??= defaultLocale();
    return this.#language;
  }

  get languages() {
    this.#languages ??= Object.freeze([this.language]);
    return this.#languages;
  }

  get userAgent() {
    this.#userAgent ??= `Node.js/${process.version.slice(1).split('.')[0]}`;
    return this.#userAgent;
  }

  get platform() {
    this.#platform ??= platformName();
    return this.#platform;
  }
}

for (const key of ['hardwareConcurrency', 'language', 'languages', 'userAgent', 'platform']) {
  Object.defineProperty(Navigator.prototype, key, { __proto__: null, enumerable: true });
}

module.exports = { Navigator, navigator: new Navigator(kSkipThrow) };
