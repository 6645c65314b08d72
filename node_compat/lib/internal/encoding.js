'use strict';

// The WHATWG Encoding API: TextEncoder (UTF-8 out) and TextDecoder (any
// WHATWG label in; fatal, ignoreBOM and streaming). Decoding that needs state
// or a legacy codec runs in the buffer binding on CPython's incremental
// codecs; plain one-shot UTF-8 reuses Buffer's decoder.

const {
  codes: {
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowNullable,
  validateObject,
  validateString,
} = require('internal/validators');
const { customInspectSymbol, kEmptyObject } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const {
  binding,
  bytesOf,
  isAnyArrayBuffer,
  isUint8Array,
  utf8Encode,
  utf8Slice,
} = require('internal/buffer');

// WHATWG encoding name -> its labels.
const kLabels = {
  'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'],
  'ibm866': ['866', 'cp866', 'csibm866', 'ibm866'],
  'iso-8859-2': ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2',
    'iso_8859-2:1987', 'l2', 'latin2'],
  'iso-8859-3': ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3',
    'iso_8859-3:1988', 'l3', 'latin3'],
  'iso-8859-4': ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4',
    'iso_8859-4:1988', 'l4', 'latin4'],
  'iso-8859-5': ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595',
    'iso_8859-5', 'iso_8859-5:1988'],
  'iso-8859-6': ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114',
    'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6',
    'iso_8859-6:1987'],
  'iso-8859-7': ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126',
    'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek'],
  'iso-8859-8': ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138',
    'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual'],
  'iso-8859-8-i': ['csiso88598i', 'iso-8859-8-i', 'logical'],
  'iso-8859-10': ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6'],
  'iso-8859-13': ['iso-8859-13', 'iso8859-13', 'iso885913'],
  'iso-8859-14': ['iso-8859-14', 'iso8859-14', 'iso885914'],
  'iso-8859-15': ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'],
  'iso-8859-16': ['iso-8859-16'],
  'koi8-r': ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'],
  'koi8-u': ['koi8-ru', 'koi8-u'],
  'macintosh': ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'],
  'windows-874': ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874'],
  'windows-1250': ['cp1250', 'windows-1250', 'x-cp1250'],
  'windows-1251': ['cp1251', 'windows-1251', 'x-cp1251'],
  'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
    'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
    'windows-1252', 'x-cp1252'],
  'windows-1253': ['cp1253', 'windows-1253', 'x-cp1253'],
  'windows-1254': ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9',
    'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254'],
  'windows-1255': ['cp1255', 'windows-1255', 'x-cp1255'],
  'windows-1256': ['cp1256', 'windows-1256', 'x-cp1256'],
  'windows-1257': ['cp1257', 'windows-1257', 'x-cp1257'],
  'windows-1258': ['cp1258', 'windows-1258', 'x-cp1258'],
  'x-mac-cyrillic': ['x-mac-cyrillic', 'x-mac-ukrainian'],
  'gbk': ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk'],
  'gb18030': ['gb18030'],
  'big5': ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  'euc-jp': ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp'],
  'iso-2022-jp': ['csiso2022jp', 'iso-2022-jp'],
  'shift_jis': ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis'],
  'euc-kr': ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989',
    'ksc5601', 'ksc_5601', 'windows-949'],
  'utf-16be': ['unicodefffe', 'utf-16be'],
  'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'],
};

// The CPython codec for each supported encoding. windows-1252 decodes as
// ISO-8859-1, as Node 23 does. WHATWG's "replacement" and "x-user-defined"
// are not supported (Node rejects them too).
const kCodecs = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16-le',
  'utf-16be': 'utf-16-be',
  'windows-1252': 'latin-1',
  'ibm866': 'cp866',
  'iso-8859-8-i': 'iso8859_8',
  'koi8-r': 'koi8_r',
  'koi8-u': 'koi8_u',
  'macintosh': 'mac_roman',
  'windows-874': 'cp874',
  'x-mac-cyrillic': 'mac_cyrillic',
  'gbk': 'gbk',
  'gb18030': 'gb18030',
  'big5': 'big5hkscs',
  'euc-jp': 'euc_jp',
  'iso-2022-jp': 'iso2022_jp',
  'shift_jis': 'cp932',
  'euc-kr': 'cp949',
};
for (const n of [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16]) kCodecs[`iso-8859-${n}`] = `iso8859_${n}`;
for (let n = 1250; n <= 1258; n++) if (n !== 1252) kCodecs[`windows-${n}`] = `cp${n}`;

const labelToEncoding = new Map();
for (const name of Object.keys(kLabels)) {
  for (const label of kLabels[name]) labelToEncoding.set(label, name);
}

function getEncodingFromLabel(label) {
  const trimmed = `${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  return labelToEncoding.get(trimmed);
}

// The errors Node's native decoder throws (no [code] in the stack line),
// from the line of Node's decode() that called it (see decoderSite).
function invalidEncodedData(encoding, nodeSite) {
  const err = new TypeError(`The encoded data was not valid for encoding ${encoding}`);
  err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
  return markThrowSite(err, nodeSite);
}

function notABufferSource(nodeSite) {
  const err = new TypeError(
    'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return markThrowSite(err, nodeSite);
}

// Node decodes UTF-8 and windows-1252 on fast paths until a streaming
// call, and everything else through its converter: each from its own line.
function decoderSite(state) {
  if (!state.fastPath) return 'node:internal/encoding:462:14';
  return state.encoding === 'utf-8' ? 'node:internal/encoding:447:16' : 'node:internal/encoding:451:16';
}

let utilInspect;
function lazyInspect(value, opts) {
  utilInspect ??= require('internal/util/inspect').inspect;
  return utilInspect(value, opts);
}

// ---- TextEncoder ---------------------------------------------------------------

// Instances carry their state in symbol-keyed own properties, as in Node.
const kEncoder = Symbol('encoder');
const kDecoder = Symbol('decoder');

function validateEncoder(obj) {
  if (obj?.[kEncoder] !== true) throw new ERR_INVALID_THIS('TextEncoder'); // at node:internal/encoding:66:11
}

const kShortAscii = 8;

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return utf8Encode(`${input}`);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    validateString(src, 'src'); // at node:internal/encoding:358:5
    if (!isUint8Array(dest)) {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest); // at node:internal/encoding:360:13
    }
    const room = dest.length;
    const n = src.length;
    if (n <= kShortAscii) {
      let i = 0;
      for (; i < n && i < room; i++) {
        const c = src.charCodeAt(i);
        if (c > 0x7f) break;
        dest[i] = c;
      }
      if (i === n || i === room) return { read: i, written: i };
    }
    const [bytes, read] = binding.encodeInto(src, room);
    const out = new Uint8Array(bytes);
    dest.set(out, 0);
    return { read, written: out.length };
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    return lazyInspect({ encoding: this.encoding }, opts);
  }
}

// ---- TextDecoder -----------------------------------------------------------------

function stateOf(obj) {
  const state = obj?.[kDecoder];
  if (state === undefined) throw new ERR_INVALID_THIS('TextDecoder'); // at node:internal/encoding:71:11
  return state;
}

const kShortDecode = 12;

class TextDecoder {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    const name = getEncodingFromLabel(encoding);
    if (name === undefined || kCodecs[name] === undefined) {
      throw new ERR_ENCODING_NOT_SUPPORTED(encoding); // at node:internal/encoding:409:15
    }
    validateObject(options, 'options', // at node:internal/encoding:405:7
                   kValidateObjectAllowNullable | kValidateObjectAllowArray | kValidateObjectAllowFunction);
    this[kDecoder] = {
      encoding: name,
      fatal: Boolean(options?.fatal),
      ignoreBOM: Boolean(options?.ignoreBOM),
      // The binding's incremental decoder, made on first need.
      handle: null,
      // Whether a streaming call may have left bytes in the handle.
      streaming: false,
      // Until a streaming call (see decoderSite).
      fastPath: name === 'utf-8' || name === 'windows-1252',
    };
  }

  decode(input = undefined, options = undefined) {
    const state = stateOf(this);
    const stream = Boolean(options?.stream);
    if (stream) state.fastPath = false;
    let bytes;
    if (input === undefined) {
      bytes = null;
    } else if (ArrayBuffer.isView(input)) {
      bytes = bytesOf(input);
    } else if (isAnyArrayBuffer(input)) {
      bytes = new Uint8Array(input);
    } else {
      throw notABufferSource(decoderSite(state));
    }
    if (!stream && !state.streaming && state.encoding === 'utf-8') {
      if (bytes === null) return '';
      if (!state.fatal) {
        // One-shot UTF-8: Buffer's decoder, then the BOM rule.
        const text = utf8Slice(bytes, 0, bytes.length);
        return !state.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      }
      if (bytes.length <= kShortDecode) {
        let i = 0;
        while (i < bytes.length && bytes[i] < 0x80) i++;
        if (i === bytes.length) return String.fromCharCode.apply(null, bytes);
      }
    }
    if (state.handle === null) {
      state.handle = binding.newDecoder(kCodecs[state.encoding], state.fatal, state.ignoreBOM);
    }
    state.streaming = stream;
    const text = binding.decoderDecode(state.handle, bytes, !stream);
    if (text === null) {
      state.streaming = false;
      throw invalidEncodedData(state.encoding, decoderSite(state));
    }
    return text;
  }

  get encoding() { return stateOf(this).encoding; }

  get fatal() { return stateOf(this).fatal; }

  get ignoreBOM() { return stateOf(this).ignoreBOM; }

  [customInspectSymbol](depth, opts) {
    const state = stateOf(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = { encoding: state.encoding, fatal: state.fatal, ignoreBOM: state.ignoreBOM };
    return `${this.constructor.name} ${lazyInspect(shown, opts)}`;
  }
}

for (const C of [TextEncoder, TextDecoder]) {
  for (const key of Object.getOwnPropertyNames(C.prototype)) {
    if (key === 'constructor') continue;
    Object.defineProperty(C.prototype, key, { __proto__: null, enumerable: true });
  }
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true, enumerable: false, writable: false,
  });
}

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
