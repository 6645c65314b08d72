'use strict';

const { functionPosition } = require('internal/bootstrap/builtins');

// V8's `at async` frames: below the frames of an error made in an async
// function resumed after an await, the async functions awaiting it, each at
// its `await` (`at async outer (file:2:26)`). QuickJS keeps no such chain;
// user code is rewritten (modules/await_sites.py) so that each call of an
// async function makes a record that notes where the call waits, which call
// it waits for, and when it runs again.
//
// A record is an array (made and filled at a fraction of an object's cost,
// once per call of every async function), with these slots:
const kFile = 0;
const kName = 1;  // V8's name of the function
const kLink = 2;  // the name calls call it by
const kQName = 3;  // the name QuickJS's frames give it
const kFirst = 4;  // the lines of the function's body
const kLast = 5;
const kReceiver = 6;
const kAt = 7;  // where the call waits: "line:column"
const kAwaiter = 8;  // the call awaiting this one's promise
const kVia = 9;  // what that goes through: `Promise.all (index 0)`
const kFn = 10;  // the function, when the library called it (noteAsyncCall)
const kAnnounced = 11;  // its number among the announced calls; 0 before its first await
const kOwner = 12;  // an arrow's: the class V8 names it after when called as a method
const kMethodCall = 13;  // whether the call awaiting it called it as a method (null: not known)
const kLibraryFrames = 14;  // a library call's: Node's frames of its functions (libraryCall)

// The call that ran again last (through an await or a catch of its own).
let current = null;
// tickInfo[4]: set as a promise job resumes a call, cleared by the realm as
// the job ends. An error made later in another job (a then() callback the
// call queued) is no longer the call's.
const tickInfo = new Int32Array(internalBinding('task_queue').tickInfo);
const kAsyncResumed = 4;
// The calls that have awaited for the first time (announced), numbered from
// 1: the call they return their promises to may await those next. The last
// kAnnouncedKept are kept, call number n at n % kAnnouncedKept.
const kAnnouncedKept = 64;
const announced = new Array(kAnnouncedKept).fill(null);
let announcements = 0;

// A call of an async function starts.
function enterAsync(file, name, link, qname, first, last, receiver, owner) {
  return [file, name, link, qname, first, last, receiver, '', null, '', null, 0, owner, null];
}

// Where an `await` starts to evaluate its operand: the count of calls
// announced so far, for `awaitAt` to take those made by the operand.
function awaitFrom() {
  return announcements;
}

// Whether the last announced call is the only one after number `from` that
// nothing awaits yet (a function called by another name: `const f = g; f()`).
function onlyOne(from) {
  for (let n = from + 1; n < announcements; n++) {
    if (announced[n % kAnnouncedKept][kAwaiter] === null) return false;
  }
  return true;
}

// Before `call` awaits, at `at` ("line:column"), `value`, which calls a
// function named `callee` ("" for a function in parentheses, `(async () =>
// {})()`; "?" before a name no async function of the file has; null: no
// call): of the calls the operand made that awaited (those announced after
// number `from`), the last, if it is that function's, or for "?" the only
// one nothing awaits yet, is awaited by this one. For `Promise.all([...])`
// (allSettled, any, race), `callee` is [the combinator, the callee of each
// element] (or "*" for elements made by a call: `items.map(f)`): the calls
// of the elements are.
function awaitAt(call, at, callee, from, value) {
  if (callee !== null && announcements !== from) {
    if (announcements - from > kAnnouncedKept) {
      // (More calls than are kept: the elements' numbers are not known.)
      if (typeof callee !== 'string' && callee[1] === '*') callee = null;
      from = announcements - kAnnouncedKept;
    }
  }
  if (callee !== null && announcements !== from) {
    if (typeof callee === 'string') {
      // (".name": called as a method, which gives an arrow a receiver too;
      // "?name": a name no async function of the file has)
      const method = callee.charCodeAt(0) === 46;
      const loose = callee.charCodeAt(method ? 1 : 0) === 63;
      const name = method || loose ? callee.slice((method ? 1 : 0) + (loose ? 1 : 0)) : callee;
      const last = announced[announcements % kAnnouncedKept];
      const named = last[kLink] === name;
      if (last[kAwaiter] === null && last !== call && (named || callee === '' || (loose && onlyOne(from)))) {
        last[kAwaiter] = call;
        // (How it was called is known when the await calls it by its name.)
        last[kMethodCall] = named ? method : null;
      }
    } else {
      // (The elements' calls were made in order; others may come between.
      // "*": elements made otherwise, `items.map(f)`, each call one of them.)
      const any = callee[1] === '*';
      let index = 1;
      for (let n = from + 1; n <= announcements; n++) {
        const other = announced[n % kAnnouncedKept];
        if (other[kAwaiter] !== null || other === call) continue;
        let found = any ? index : callee.indexOf(other[kLink], index);
        if (found < 0) found = callee.indexOf('?', index);
        if (found < 0) continue;
        other[kAwaiter] = call;
        // (V8 shows no index for a race: its promise follows the first to settle.)
        if (callee[0] !== 'race') other[kVia] = `    at async Promise.${callee[0]} (index ${found - 1})`;
        index = found + 1;
      }
    }
  }
  call[kAt] = at;
  if (call[kAnnounced] === 0) {
    call[kAnnounced] = ++announcements;
    announced[announcements % kAnnouncedKept] = call;
  }
  return value;
}

// After an `await` (or in a `catch` of the call's own, where an await that
// rejected resumes): the call runs again.
function resume(call, value) {
  current = call;
  tickInfo[kAsyncResumed] = 1;
  return value;
}

// The library has just called `fn` on `receiver` (an emitter its listener,
// a Timeout its callback), which V8 names the frames of its call after
// (`Timeout._onTimeout`, `Server.<anonymous>`) even when it is an arrow. If
// `fn` is an async function of user code that has just awaited, its call
// learns both.
function noteAsyncCall(fn, receiver) {
  const call = announced[announcements % kAnnouncedKept];
  if (call === null || call[kFn] !== null || call[kFile] === 'node:' || typeof fn !== 'function') return;
  const { 0: file, 1: line } = functionPosition(fn);
  if (call[kFile] !== file || line > call[kFirst]) return;
  call[kFn] = fn;
  if (call[kReceiver] === undefined) call[kReceiver] = receiver;
}

// A call of one of the library's functions that are async in Node (named
// `link` for the calls that await it), whose errors have Node's `frames`
// (`Object.stat (node:...)`): announced like a user call that has awaited,
// so that the user's call awaiting its promise is known.
function libraryCall(link, frames) {
  const call = enterAsync('node:', link, link, '', 0, 0, undefined);
  call[kLibraryFrames] = frames;
  call[kAnnounced] = ++announcements;
  announced[announcements % kAnnouncedKept] = call;
  return call;
}

// The library call announced last, if the last announced call is one and
// came after the calls counted `from` (awaitFrom).
function lastLibraryCall(from) {
  const call = announced[announcements % kAnnouncedKept];
  return announcements > from && call[kFile] === 'node:' ? call : null;
}

function setLibraryFrames(call, frames) {
  call[kLibraryFrames] = frames;
}

// A library call's frames: Node's (`open (node:...)`), then the `at async`
// frames of the calls awaiting it. The function the user called is a
// method of the module object (`Object.stat`) unless the call awaiting it
// called it plainly (`stat()` of a named import).
function libraryFrames(call, receiverName) {
  const plain = call[kMethodCall] === false;
  return call[kLibraryFrames].map((frame) => `    at async ${plain && frame.startsWith('Object.') ? frame.slice(7) : frame}`)
    .concat(awaiters(call, receiverName));
}

// The `at async` frames of the calls awaiting `call`.
function awaiters(call, receiverName) {
  const lines = [];
  // (A chain longer than any stack shows is cut; it cannot loop either.)
  for (let c = call; c[kAwaiter] !== null && lines.length < 200; c = c[kAwaiter]) {
    if (c[kVia] !== '') lines.push(c[kVia]);
    lines.push(frameOf(c[kAwaiter], receiverName));
  }
  return lines;
}

// The class V8 names a call's receiver after in its frame (`K.run`), or ''
// for a call of no receiver (a plain call: undefined, or the global object
// for sloppy code). A class's own static functions are named after it.
function receiverPrefix(receiver, receiverName) {
  if (receiver === undefined || receiver === null || receiver === globalThis) return '';
  if (typeof receiver === 'function') {
    const desc = Object.getOwnPropertyDescriptor(receiver, 'prototype');
    if (desc !== undefined && desc.writable === false && typeof receiver.name === 'string' && receiver.name !== '') {
      return `${receiver.name}.`;
    }
  }
  return `${receiverName(receiver)}.`;
}

// The key of `receiver` (or of an object it inherits from) that holds `fn`,
// as V8 finds it for a frame (`[as _onTimeout]`), or ''.
function methodName(receiver, fn, name) {
  try {
    if (name !== '' && receiver[name] === fn) return name;
    for (let o = Object(receiver); o !== null; o = Object.getPrototypeOf(o)) {
      for (const key of Object.getOwnPropertyNames(o)) {
        const desc = Object.getOwnPropertyDescriptor(o, key);
        if (desc !== undefined && desc.value === fn) return key;
      }
    }
  } catch {
    // (A proxy or an accessor that throws: no name.)
  }
  return '';
}

// The receiver's prefix of a call's frames: of its receiver, or for an
// arrow called as a method, of where it is written (`Object.get`).
function prefixOf(call, receiverName) {
  if (call[kReceiver] === undefined && call[kMethodCall] === true && call[kOwner]) return `${call[kOwner]}.`;
  return receiverPrefix(call[kReceiver], receiverName);
}

function frameOf(call, receiverName) {
  const where = `${call[kFile]}:${call[kAt]}`;
  const name = call[kName];
  // (A name V8 made of where the function is stored, `o.n`, is shown as it is.)
  const prefix = name.includes('.') ? '' : prefixOf(call, receiverName);
  if (prefix === '') return name === '' ? `    at async ${where}` : `    at async ${name} (${where})`;
  const method = call[kFn] === null ? '' : methodName(call[kReceiver], call[kFn], name);
  if (name === '') return `    at async ${prefix}${method || '<anonymous>'} (${where})`;
  const alias = method !== '' && method !== name ? ` [as ${method}]` : '';
  return `    at async ${prefix}${name}${alias} (${where})`;
}

const kBottomFrame = /\n {4}at (.*?) \((.*):(\d+):\d+\)\n?$/;

// What an error made now shows of the async calls below its frames:
// { bottom: the receiver's prefix of its bottom frame, name: that frame's
// function, frames: the `at async` lines }, or null. `frames` is QuickJS's
// frames of the error: the bottom one must be the running call's own.
// `earlier`: the error was made by the engine, maybe in a job now ended.
function asyncStack(frames, receiverName, earlier = false) {
  const call = current;
  if (call === null || (tickInfo[kAsyncResumed] === 0 && !earlier)) return null;
  const m = kBottomFrame.exec(`\n${frames}`);
  if (m === null || m[2] !== call[kFile]) return null;
  const line = +m[3];
  if (line < call[kFirst] || line > call[kLast]) return null;
  const name = m[1];
  const qname = call[kQName];
  if (qname === '' ? name !== '<anonymous>' && name !== '<eval>' : name !== qname) return null;
  return { bottom: prefixOf(call, receiverName), name: qname, frames: awaiters(call, receiverName).join('\n') };
}

module.exports = {
  asyncStack,
  awaitAt,
  awaitFrom,
  enterAsync,
  lastLibraryCall,
  libraryCall,
  libraryFrames,
  noteAsyncCall,
  resume,
  setLibraryFrames,
};
