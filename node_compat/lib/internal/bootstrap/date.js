'use strict';

// Date's locale-dependent text as Node (V8 with ICU, en-US by default) shows
// it: toString() ends with the time zone's long name, and the toLocale*
// methods use en-US's numeric forms ("7/4/2024, 3:05:09 PM"). QuickJS has
// no ICU: the names of the common zones are listed here, other zones show
// their abbreviation, and locale arguments other than en-US are treated as
// en-US.

const { timezoneNames } = internalBinding('process_methods');
const { markNative } = require('internal/bootstrap/function_text');

// Time-zone abbreviations -> the names ICU gives for en-US.
const longNames = {
  __proto__: null,
  UTC: 'Coordinated Universal Time',
  GMT: 'Greenwich Mean Time',
  BST: 'British Summer Time',
  CET: 'Central European Standard Time',
  CEST: 'Central European Summer Time',
  EET: 'Eastern European Standard Time',
  EEST: 'Eastern European Summer Time',
  WET: 'Western European Standard Time',
  WEST: 'Western European Summer Time',
  EST: 'Eastern Standard Time',
  EDT: 'Eastern Daylight Time',
  CST: 'Central Standard Time',
  CDT: 'Central Daylight Time',
  MST: 'Mountain Standard Time',
  MDT: 'Mountain Daylight Time',
  PST: 'Pacific Standard Time',
  PDT: 'Pacific Daylight Time',
  JST: 'Japan Standard Time',
  IST: 'India Standard Time',
};

const nativeToString = Date.prototype.toString;
const nativeToTimeString = Date.prototype.toTimeString;

function zoneName(date) {
  const [standard, daylight, hasDst] = timezoneNames();
  let abbreviation = standard;
  if (hasDst) {
    const jan = new Date(date.getFullYear(), 0, 1).getTimezoneOffset();
    if (date.getTimezoneOffset() < jan) abbreviation = daylight;
  }
  return longNames[abbreviation] ?? abbreviation;
}

function withZone(text, date) {
  return text === 'Invalid Date' ? text : `${text} (${zoneName(date)})`;
}

function pad2(n) { return n < 10 ? `0${n}` : `${n}`; }

function localeDate(date) {
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

function localeTime(date) {
  const hours = date.getHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${h12}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

function define(name, fn) {
  Object.defineProperty(Date.prototype, name, {
    __proto__: null, value: markNative(fn), writable: true, enumerable: false, configurable: true,
  });
}

define('toString', function toString() {
  return withZone(Reflect.apply(nativeToString, this, []), this);
});
define('toTimeString', function toTimeString() {
  return withZone(Reflect.apply(nativeToTimeString, this, []), this);
});
define('toLocaleString', function toLocaleString() {
  if (Number.isNaN(this.getTime())) return 'Invalid Date';
  return `${localeDate(this)}, ${localeTime(this)}`;
});
define('toLocaleDateString', function toLocaleDateString() {
  if (Number.isNaN(this.getTime())) return 'Invalid Date';
  return localeDate(this);
});
define('toLocaleTimeString', function toLocaleTimeString() {
  if (Number.isNaN(this.getTime())) return 'Invalid Date';
  return localeTime(this);
});
