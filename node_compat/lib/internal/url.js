'use strict';

// The WHATWG URL API: `URL` and `URLSearchParams` over the parser in
// internal/url/parser, plus the file-URL and HTTP-options helpers that
// node:url, node:fs and node:module share.

const {
  FILE_HOST,
  FRAGMENT_STATE,
  HOST,
  HOSTNAME,
  PATH_START,
  PORT,
  QUERY_STATE,
  SCHEME_START,
  basicParse,
  includesCredentials,
  isSpecialScheme,
  serializePath,
  serializeURL,
} = require('internal/url/parser');
const { FORM, USERINFO, percentDecode, percentEncode } = require('internal/url/encoding');
const { toASCII, toUnicode } = require('internal/idna');
const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { customInspectSymbol: kInspect, kEmptyObject } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const path = require('path');

function lazyInspect() { return require('internal/util/inspect').inspect; }

function toUSVString(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${value}`.toWellFormed();
}

// ---- application/x-www-form-urlencoded ----------------------------------------

// Parse a query string into a flat [name, value, name, value, ...] list.
function parseParams(query) {
  const list = [];
  if (query === '') return list;
  for (const sequence of query.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq === -1 ? sequence : sequence.slice(0, eq);
    const value = eq === -1 ? '' : sequence.slice(eq + 1);
    list.push(percentDecode(name, true), percentDecode(value, true));
  }
  return list;
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += `${percentEncode(list[i], FORM, true)}=${percentEncode(list[i + 1], FORM, true)}`;
  }
  return out;
}

// "Potentially strip trailing spaces from an opaque path".
function stripTrailingSpaces(record) {
  if (typeof record.path !== 'string' || record.fragment !== null || record.query !== null) return;
  record.path = record.path.replace(/ +$/, '');
}

// ---- URLSearchParams ---------------------------------------------------------------

let searchParamsOf;    // (params) -> list, for the URL side
let attachToURL;       // (params, url) -> void
let setParamsList;     // (params, list) -> void
let checkParams;       // (value) -> void, throws unless value is a URLSearchParams

function isSearchParams(value) {
  return value !== null && typeof value === 'object' && searchParamsOf(value) !== undefined;
}

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      return;
    }
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs'); // at node:internal/url:350:17
        // Each pair is checked as it comes, arrays by their length and other
        // iterables by their count, each failure at Node's line for it.
        for (const pair of init) {
          if (pair === null || pair === undefined) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]'); // at node:internal/url:365:19
          } else if (Array.isArray(pair)) {
            if (pair.length !== 2) {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]'); // at node:internal/url:369:21
            }
            this.#list.push(toUSVString(pair[0]), toUSVString(pair[1]));
          } else {
            const isObject = typeof pair === 'object' || typeof pair === 'function';
            if (!isObject || typeof pair[Symbol.iterator] !== 'function') {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]'); // at node:internal/url:380:21
            }
            let length = 0;
            for (const element of pair) {
              length++;
              this.#list.push(toUSVString(element));
            }
            if (length !== 2) {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]'); // at node:internal/url:392:21
            }
          }
        }
      } else {
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          const at = seen.get(name);
          if (at === undefined) {
            seen.set(name, this.#list.length);
            this.#list.push(name, value);
          } else {
            this.#list[at + 1] = value;
          }
        }
      }
    } else {
      let query = toUSVString(init);
      if (query.charCodeAt(0) === 0x3F) query = query.slice(1);
      this.#list = parseParams(query);
    }
  }

  static {
    searchParamsOf = (params) => (#list in params ? params.#list : undefined);
    // `nodeSite`: where the member of Node's URLSearchParams checks its
    // receiver (see internal/node_throw_sites).
    checkParams = (self, nodeSite) => {
      if (self === null || typeof self !== 'object' || !(#list in self)) {
        throw markThrowSite(new ERR_INVALID_THIS('URLSearchParams'), nodeSite);
      }
    };
    attachToURL = (params, url) => { params.#url = url; };
    setParamsList = (params, list) => { params.#list = list; };
  }

  // The URL's query follows every change ("update steps").
  #update() {
    if (this.#url === null) return;
    const serialized = serializeParams(this.#list);
    updateURLQuery(this.#url, serialized === '' ? null : serialized);
  }

  get size() {
    checkParams(this, 'node:internal/url:466:13');
    return this.#list.length / 2;
  }

  append(name, value) {
    checkParams(this, 'node:internal/url:472:13');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value'); // at node:internal/url:475:13
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    checkParams(this, 'node:internal/url:489:13');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name'); // at node:internal/url:492:13
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    checkParams(this, 'node:internal/url:524:13');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name'); // at node:internal/url:527:13
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkParams(this, 'node:internal/url:542:13');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name'); // at node:internal/url:545:13
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) values.push(list[i + 1]);
    return values;
  }

  has(name, value = undefined) {
    checkParams(this, 'node:internal/url:561:13');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name'); // at node:internal/url:564:13
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkParams(this, 'node:internal/url:587:13');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value'); // at node:internal/url:590:13
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] !== name) {
        i += 2;
      } else if (!found) {
        list[i + 1] = value;
        found = true;
        i += 2;
      } else {
        list.splice(i, 2);
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    checkParams(this, 'node:internal/url:629:13');
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Array.prototype.sort is stable; names compare by UTF-16 code units.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < pairs.length; i++) {
      list[2 * i] = pairs[i][0];
      list[2 * i + 1] = pairs[i][1];
    }
    this.#update();
  }

  entries() {
    checkParams(this, 'node:internal/url:681:13');
    return createIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this, 'node:internal/url:688:13');
    validateFunction(callback, 'callback'); // at node:internal/url:690:5
    // The callback may replace the list (through the URL): read it afresh each time.
    for (let i = 0; i < this.#list.length; i += 2) {
      Reflect.apply(callback, thisArg, [this.#list[i + 1], this.#list[i], this]);
    }
  }

  keys() {
    checkParams(this, 'node:internal/url:708:13');
    return createIterator(this, 'key');
  }

  values() {
    checkParams(this, 'node:internal/url:715:13');
    return createIterator(this, 'value');
  }

  toString() {
    checkParams(this, 'node:internal/url:724:13');
    return serializeParams(this.#list);
  }

  [kInspect](recurseTimes, ctx) {
    checkParams(this, 'node:internal/url:430:13');
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const inspect = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${inspect(list[i], innerOpts)} => ${inspect(list[i + 1], innerOpts)}`);
    }
    const separator = ', ';
    let length = -separator.length;
    for (const entry of output) length += stripColors(entry).length + separator.length;
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    if (output.length !== 0) return `${name} { ${output.join(separator)} }`;
    return `${name} {}`;
  }
}

function stripColors(text) {
  return text.replace(/\u001b\[\d\d?m/g, '');
}

const paramsProto = URLSearchParams.prototype;
Object.defineProperty(paramsProto, Symbol.toStringTag, {
  __proto__: null, value: 'URLSearchParams', writable: false, enumerable: false, configurable: true,
});
Object.defineProperty(paramsProto, Symbol.iterator, {
  __proto__: null, value: paramsProto.entries, writable: true, enumerable: false, configurable: true,
});
for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach',
                    'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(paramsProto, name);
  desc.enumerable = true;
  Object.defineProperty(paramsProto, name, desc);
}

// ---- URLSearchParams iterators -----------------------------------------------------

const kIteratorState = Symbol('context');
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

function checkIterator(iterator) {
  if (iterator === null || typeof iterator !== 'object' || iterator[kIteratorState] === undefined) {
    throw new ERR_INVALID_THIS('URLSearchParamsIterator'); // at node:internal/url:230:13
  }
  return iterator[kIteratorState];
}

const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    __proto__: null,
    value: function next() {
      const state = checkIterator(this);
      const list = searchParamsOf(state.target);
      const index = state.index;
      if (index >= list.length) return { value: undefined, done: true };
      state.index = index + 2;
      const name = list[index];
      const value = list[index + 1];
      return {
        value: state.kind === 'key' ? name : state.kind === 'value' ? value : [name, value],
        done: false,
      };
    },
    writable: true,
    enumerable: true,
    configurable: true,
  },
  [kInspect]: {
    __proto__: null,
    value: function inspectIterator(recurseTimes, ctx) {
      const state = checkIterator(this);
      const inspect = lazyInspect();
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const list = searchParamsOf(state.target);
      const items = [];
      for (let i = state.index; i < list.length; i += 2) {
        if (state.kind === 'key') items.push(list[i]);
        else if (state.kind === 'value') items.push(list[i + 1]);
        else items.push([list[i], list[i + 1]]);
      }
      const multiline = inspect(items, innerOpts).includes('\n');
      const parts = items.map((item) => inspect(item, innerOpts));
      const body = multiline ? `\n  ${parts.join(',\n  ')}` : ` ${parts.join(', ')}`;
      return `${this[Symbol.toStringTag]} {${body} }`;
    },
    writable: true,
    enumerable: false,
    configurable: true,
  },
  [Symbol.toStringTag]: {
    __proto__: null, value: 'URLSearchParams Iterator', writable: false, enumerable: false, configurable: true,
  },
});

function createIterator(target, kind) {
  const iterator = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(iterator, kIteratorState, {
    __proto__: null, value: { target, kind, index: 0 }, enumerable: false, writable: false, configurable: false,
  });
  return iterator;
}

// ---- URL ---------------------------------------------------------------------------

let recordOf;          // (url) -> record, for helpers in this module
let isURLInstance;     // (value) -> whether value is a URL
let updateURLQuery;    // (url, query) -> void, from URLSearchParams

function invalidReceiver() {
  return new TypeError('Receiver must be an instance of class URL');
}

// The constructor's failure comes from Node's binding: a plain TypeError
// with the code, the input and the base.
function invalidURL(input, base) {
  const err = new TypeError('Invalid URL'); // at -
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(base);
    if (baseRecord === null) throw invalidURL(input, base); // at -
  }
  const record = basicParse(input, baseRecord);
  if (record === null) throw invalidURL(input, base); // at -
  return record;
}

class URL {
  #record;
  #href;
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url'); // at node:internal/url:806:13
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    this.#record = parseOrThrow(input, base); // at node:internal/url:818:25
    this.#href = serializeURL(this.#record);
  }

  static {
    recordOf = (url) => url.#record;
    isURLInstance = (value) => value !== null && typeof value === 'object' && #record in value;
    updateURLQuery = (url, query) => {
      url.#record.query = query;
      if (query === null) stripTrailingSpaces(url.#record);
      url.#href = serializeURL(url.#record);
    };
  }

  // After a setter: the cached href and a live searchParams follow the record.
  #changed(queryChanged) {
    this.#href = serializeURL(this.#record);
    if (queryChanged && this.#searchParams !== null) {
      setParamsList(this.#searchParams, parseParams(this.#record.query || ''));
    }
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url'); // at node:internal/url:834:13
    if (!URL.canParse(input, base)) return null;
    return new URL(input, base);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url'); // at node:internal/url:1142:13
    url = toUSVString(url);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base));
      if (baseRecord === null) return false;
    }
    return basicParse(url, baseRecord) !== null;
  }

  static createObjectURL(obj) {
    return require('internal/url/blob_registry').createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url'); // at node:internal/url:1211:13
    require('internal/url/blob_registry').revokeObjectURL(url);
  }

  toString() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#href;
  }

  get href() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#href;
  }

  set href(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = basicParse(value);
    if (record === null) throw new ERR_INVALID_URL(value); // at node:internal/url:954:24
    this.#record = record;
    this.#changed(true);
  }

  get origin() {
    if (!(#record in this)) throw invalidReceiver();
    return originOf(this.#record);
  }

  get protocol() {
    if (!(#record in this)) throw invalidReceiver();
    return `${this.#record.scheme}:`;
  }

  set protocol(value) {
    if (!(#record in this)) throw invalidReceiver();
    basicParse(`${toUSVString(value)}:`, null, this.#record, SCHEME_START);
    this.#changed(false);
  }

  get username() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#record.username;
  }

  set username(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (cannotHaveCredentialsOrPort(record)) return;
    record.username = percentEncode(value, USERINFO);
    this.#changed(false);
  }

  get password() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#record.password;
  }

  set password(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (cannotHaveCredentialsOrPort(record)) return;
    record.password = percentEncode(value, USERINFO);
    this.#changed(false);
  }

  get host() {
    if (!(#record in this)) throw invalidReceiver();
    const record = this.#record;
    if (record.host === null) return '';
    return record.port === null ? record.host : `${record.host}:${record.port}`;
  }

  set host(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (typeof record.path === 'string') return;
    if (record.host === null && !isSpecialScheme(record.scheme)) {
      setHostOfHostless(value, record);
    } else {
      setterParse(value, record, record.scheme === 'file' ? FILE_HOST : HOST);
    }
    this.#changed(false);
  }

  get hostname() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#record.host ?? '';
  }

  set hostname(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (typeof record.path === 'string') return;
    if (record.host === null && !isSpecialScheme(record.scheme) && value === '') return;
    setterParse(value, record, record.scheme === 'file' ? FILE_HOST : HOSTNAME);
    this.#changed(false);
  }

  get port() {
    if (!(#record in this)) throw invalidReceiver();
    const port = this.#record.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (cannotHaveCredentialsOrPort(record)) return;
    if (value === '') record.port = null;
    else setterParse(value, record, PORT);
    this.#changed(false);
  }

  get pathname() {
    if (!(#record in this)) throw invalidReceiver();
    return serializePath(this.#record);
  }

  set pathname(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (typeof record.path === 'string') return;
    record.path = [];
    setterParse(value, record, PATH_START);
    this.#changed(false);
  }

  get search() {
    if (!(#record in this)) throw invalidReceiver();
    const query = this.#record.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (value === '') {
      record.query = null;
      stripTrailingSpaces(record);
    } else {
      record.query = '';
      setterParse(value.charCodeAt(0) === 0x3F ? value.slice(1) : value, record, QUERY_STATE);
    }
    this.#changed(true);
  }

  get searchParams() {
    if (!(#record in this)) throw invalidReceiver();
    if (this.#searchParams === null) {
      const params = new URLSearchParams(this.search);
      attachToURL(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    if (!(#record in this)) throw invalidReceiver();
    const fragment = this.#record.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    if (!(#record in this)) throw invalidReceiver();
    value = toUSVString(value);
    const record = this.#record;
    if (value === '') {
      record.fragment = null;
      stripTrailingSpaces(record);
    } else {
      record.fragment = '';
      setterParse(value.charCodeAt(0) === 0x23 ? value.slice(1) : value, record, FRAGMENT_STATE);
    }
    this.#changed(false);
  }

  toJSON() {
    if (!(#record in this)) throw invalidReceiver();
    return this.#href;
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = this.constructor || URL;
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    return `${constructor.name} ${lazyInspect()(obj, opts)}`;
  }
}

// A setter runs the parser from one state on the URL's own record; what it
// changed before a failure stays changed, as the standard's setters do.
function setterParse(value, record, state) {
  return basicParse(value, null, record, state);
}

// Node (Ada) gives a non-special URL without a host only the host name part
// of the value, ignoring any port, and ignores an empty host.
function setHostOfHostless(value, record) {
  let end = 0;
  let brackets = false;
  for (; end < value.length; end++) {
    const c = value[end];
    if (c === '[') brackets = true;
    else if (c === ']') brackets = false;
    else if ((c === ':' && !brackets) || c === '/' || c === '?' || c === '#') break;
  }
  if (end === 0) return;
  setterParse(value.slice(0, end), record, HOSTNAME);
}

function cannotHaveCredentialsOrPort(record) {
  return record.host === null || record.host === '' || record.scheme === 'file';
}

function originOf(record) {
  switch (record.scheme) {
    case 'blob': {
      if (typeof record.path !== 'string') return 'null';
      const inner = basicParse(record.path);
      if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) return originOf(inner);
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${record.scheme}://${record.host}${record.port === null ? '' : `:${record.port}`}`;
    default:
      return 'null';
  }
}

const urlProto = URL.prototype;
for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
                    'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(urlProto, name);
  desc.enumerable = true;
  Object.defineProperty(urlProto, name, desc);
}
Object.defineProperty(urlProto, Symbol.toStringTag, {
  __proto__: null, value: 'URL', writable: false, enumerable: false, configurable: true,
});
for (const name of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  const desc = Object.getOwnPropertyDescriptor(URL, name);
  desc.enumerable = true;
  Object.defineProperty(URL, name, desc);
}

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// ---- file URLs -----------------------------------------------------------------------

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform); // at node:internal/url:1486:11
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters'); // at node:internal/url:1493:15
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        const reason = 'must not include encoded \\ or / characters';
        throw new ERR_INVALID_FILE_URL_PATH(reason); // at node:internal/url:1457:15
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') return `\\\\${toUnicode(hostname) ?? ''}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute'); // at node:internal/url:1479:11
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? false;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path); // at node:internal/url:1507:11
  }
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file'); // at node:internal/url:1509:11
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// Characters a path keeps literally but a URL path would misread.
function encodePathChars(filepath, windows) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? false;
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEnd = filepath.indexOf('\\', prefixLength);
    if (hostnameEnd === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path'); // at node:internal/url:1524:13
    }
    if (hostnameEnd === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername'); // at node:internal/url:1531:13
    }
    const hostname = filepath.slice(prefixLength, hostnameEnd);
    outURL.hostname = toASCII(hostname) ?? '';
    outURL.pathname = encodePathChars(filepath.slice(hostnameEnd).replace(/\\/g, '/'), windows);
    return outURL;
  }
  const flavour = windows ? path.win32 : path.posix;
  let resolved = flavour.resolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 0x2F || (windows && last === 0x5C)) && resolved[resolved.length - 1] !== flavour.sep) {
    resolved += '/';
  }
  if (windows) resolved = resolved.replace(/\\/g, '/');
  const outURL = new URL('file://');
  outURL.pathname = encodePathChars(resolved, windows).replace(/\?/g, '%3F').replace(/#/g, '%23');
  return outURL;
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

// ---- domains -------------------------------------------------------------------------

// The host a special URL would get for `domain` (as Node: the hostname
// setter of a "ws://" URL), or '' when it is not a valid host.
function hostOf(domain) {
  const record = basicParse('ws://x');
  if (basicParse(domain, null, record, HOSTNAME) === null || record.host === 'x' && domain !== 'x') return '';
  return record.host ?? '';
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain'); // at node:internal/url:1405:11
  return hostOf(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain'); // at node:internal/url:1413:11
  const host = hostOf(`${domain}`);
  return host === '' ? '' : toUnicode(host) ?? '';
}

// url.format() for WHATWG URL objects.
function formatURL(urlObject, options) {
  validateObject(options ?? kEmptyObject, 'options'); // at Object.urlFormat [as format] (node:url:590:7)
  const { auth = true, fragment = true, search = true, unicode = false } = options ?? kEmptyObject;
  const record = recordOf(urlObject);
  let out = `${record.scheme}:`;
  if (record.host !== null) {
    out += '//';
    if (auth && includesCredentials(record)) {
      out += record.username;
      if (record.password !== '') out += `:${record.password}`;
      out += '@';
    }
    out += unicode ? (toUnicode(record.host) ?? record.host) : record.host;
    if (record.port !== null) out += `:${record.port}`;
  }
  out += urlObject.pathname;
  if (search && record.query !== null) out += `?${record.query}`;
  if (fragment && record.fragment !== null) out += `#${record.fragment}`;
  return out;
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isSearchParams,
  isSpecialScheme,
  isURL,
  isURLInstance,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
};
