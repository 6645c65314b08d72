'use strict';

// V8's CallSite objects: what a program's Error.prepareStackTrace(error,
// callSites) receives, one per frame. They are read back from the frames'
// V8-form lines (error_stacks makes those), so they say what the printed
// stack says: the function, receiver class, method, file and position.
// What the lines do not hold is unknown here: the receiver and function
// themselves (V8 hides them from strict code too), and the position where
// the enclosing function starts.

const { markNative } = require('internal/bootstrap/function_text');

const kFrameLine = /^ {4}at (?:(.+?) \((.+)\)|(.+))$/;
const kLocation = /^(.*):(\d+):(\d+)$/;
const kEvalLocation = /^(eval at .*), (.*)$/;
const kAlias = / \[as (.*)\]$/;
// `at async Promise.all (index 0)`: the element an async frame's promise is of.
const kPromiseIndex = /^index (\d+)$/;

let sourceOffset = () => 0;

class CallSite {
  #site;

  constructor(site) {
    this.#site = site;
  }

  getThis() { return undefined; }
  getTypeName() { return this.#site.typeName; }
  getFunction() { return undefined; }
  getFunctionName() { return this.#site.functionName; }
  getMethodName() { return this.#site.methodName; }
  getFileName() { return this.#site.fileName; }
  getLineNumber() { return this.#site.line; }
  getColumnNumber() { return this.#site.column; }
  getEvalOrigin() { return this.#site.evalOrigin; }
  isToplevel() { return this.#site.toplevel; }
  isEval() { return this.#site.evalOrigin !== undefined; }
  isNative() { return false; }
  isConstructor() { return this.#site.constructor; }
  isAsync() { return this.#site.async; }
  isPromiseAll() { return this.#site.promiseAll; }
  getPromiseIndex() { return this.#site.promiseIndex; }
  getScriptNameOrSourceURL() { return this.#site.evalOrigin === undefined ? this.#site.fileName : null; }
  getScriptHash() { return ''; }
  getEnclosingColumnNumber() { return null; }
  getEnclosingLineNumber() { return null; }

  getPosition() {
    const site = this.#site;
    if (site.line === null || site.evalOrigin !== undefined) return 0;
    return sourceOffset(site.fileName, site.line, site.column);
  }

  toString() { return this.#site.text; }
}

for (const key of Object.getOwnPropertyNames(CallSite.prototype)) {
  if (key !== 'constructor') markNative(CallSite.prototype[key]);
}
markNative(CallSite);

// The name part of a frame line: `async `, `new `, `Type.function`,
// ` [as method]`, `<anonymous>` for a function without a name.
function readName(site, name) {
  if (name.startsWith('async ')) {
    site.async = true;
    name = name.slice(6);
  }
  if (name.startsWith('new ')) {
    site.constructor = true;
    site.toplevel = false;
    name = name.slice(4);
  }
  const alias = kAlias.exec(name);
  if (alias !== null) name = name.slice(0, alias.index);
  const dot = name.indexOf('.');
  if (!site.constructor && dot > 0 && !/^[gs]et /.test(name)) {
    site.typeName = name.slice(0, dot);
    site.toplevel = false;
    name = name.slice(dot + 1);
    site.methodName = alias !== null ? alias[1] : name === '<anonymous>' ? null : name;
  }
  site.functionName = name === '<anonymous>' ? null : name;
}

function readLocation(site, location) {
  const element = site.async ? kPromiseIndex.exec(location) : null;
  if (element !== null) {
    // (V8 names the receiver, the Promise constructor, a Function.)
    site.typeName = 'Function';
    site.promiseAll = site.functionName === 'all';
    site.promiseIndex = +element[1];
    return;
  }
  const inEval = kEvalLocation.exec(location);
  if (inEval !== null) {
    site.evalOrigin = inEval[1];
    site.fileName = undefined;
    location = inEval[2];
  }
  const at = kLocation.exec(location);
  if (at === null) return;
  if (inEval === null) site.fileName = at[1];
  site.line = +at[2];
  site.column = +at[3];
}

// One CallSite per V8-form frame line of `text`.
function callSitesOf(text) {
  const sites = [];
  if (text === '') return sites;
  for (const line of text.split('\n')) {
    const frame = kFrameLine.exec(line);
    if (frame === null) continue;
    const site = {
      text: line.slice(7),
      functionName: null,
      typeName: null,
      methodName: null,
      fileName: null,
      line: null,
      column: null,
      evalOrigin: undefined,
      toplevel: true,
      constructor: false,
      async: false,
      promiseAll: false,
      promiseIndex: null,
    };
    let location = frame[1] !== undefined ? frame[2] : frame[3];
    if (frame[1] !== undefined) {
      readName(site, frame[1]);
    } else if (location.startsWith('async ')) {
      site.async = true;  // (an anonymous async function's frame: `at async file:1:2`)
      location = location.slice(6);
    }
    readLocation(site, location);
    sites.push(new CallSite(site));
  }
  return sites;
}

// `offset(file, line, column)`: the character offset of a position in its source.
function setSourceOffset(offset) {
  sourceOffset = offset;
}

module.exports = { callSitesOf, setSourceOffset };
