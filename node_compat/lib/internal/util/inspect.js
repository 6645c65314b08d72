'use strict';

// util.inspect and util.format (bootstrap version: enough for console output
// while the full Node-exact implementation is written).

function inspect(value, opts) {
  const seen = [];
  const depth = opts && typeof opts.depth === 'number' ? opts.depth : 2;
  return fmt(value, depth, seen, 0);
}

function fmtString(s) {
  if (!s.includes("'")) return `'${s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `'${s.replace(/'/g, "\\'")}'`;
}

function fmt(v, depth, seen, indent) {
  switch (typeof v) {
    case 'string': return fmtString(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'undefined': return 'undefined';
    case 'boolean': return String(v);
    case 'symbol': return v.toString();
    case 'function': return v.name ? `[Function: ${v.name}]` : '[Function (anonymous)]';
  }
  if (v === null) return 'null';
  if (seen.includes(v)) return '[Circular *1]';
  if (v instanceof Error) {
    const stack = v.stack || String(v);
    const keys = Object.keys(v);
    if (keys.length === 0) return stack;
    seen.push(v);
    const body = keys.map((k) => `  ${k}: ${fmt(v[k], depth - 1, seen, indent + 2)}`).join(',\n');
    seen.pop();
    return `${stack} {\n${body}\n}`;
  }
  if (ArrayBuffer.isView(v) && v.constructor && v.constructor.name === 'Buffer') {
    const hex = Array.from(v.subarray(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return `<Buffer${hex ? ' ' + hex : ''}${v.length > 50 ? ` ... ${v.length - 50} more bytes` : ''}>`;
  }
  if (depth < 0) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.push(v);
  let out;
  if (Array.isArray(v)) {
    const items = v.map((x) => fmt(x, depth - 1, seen, indent + 2));
    out = items.length ? `[ ${items.join(', ')} ]` : '[]';
  } else {
    const keys = Object.keys(v);
    const items = keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : fmtString(k)}: ${fmt(v[k], depth - 1, seen, indent + 2)}`);
    const ctor = v.constructor && v.constructor.name !== 'Object' ? `${v.constructor.name} ` : (Object.getPrototypeOf(v) === null ? '[Object: null prototype] ' : '');
    out = items.length ? `${ctor}{ ${items.join(', ')} }` : `${ctor}{}`;
  }
  seen.pop();
  return out;
}

function formatWithOptions(inspectOptions, ...args) {
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: tempStr = typeof args[++a] === 'string' ? args[a] : inspect(args[a], { depth: 0 }); break;
            case 100: tempStr = String(Number(args[++a])); break;
            case 105: tempStr = String(parseInt(args[++a])); break;
            case 102: tempStr = String(parseFloat(args[++a])); break;
            case 106: tempStr = JSON.stringify(args[++a]); break;
            case 111: case 79: tempStr = inspect(args[++a], inspectOptions); break;
            case 99: ++a; tempStr = ''; break;
            case 37: str += first.slice(lastPos, i); lastPos = i + 1; continue;
            default: continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = { depth: 2 };

module.exports = { inspect, format, formatWithOptions, formatWithOptionsInternal, stripVTControlCharacters: (s) => s };
