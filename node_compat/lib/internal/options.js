'use strict';

// The command-line options the process started with, as the library asks
// for them: getOptionValue('--trace-warnings'). They come from the
// options the realm was given, NODE_OPTIONS' then the command line's (the
// command line checked them, see node_compat/cli.py), not from
// process.execArgv, which holds the command line's and a program may
// change. A boolean option is turned off by its --no- form; the last one
// given wins. Names are given with dashes (V8's flags also take `_`).

const kDefaults = {
  __proto__: null,
  '--warnings': true,
  '--deprecation': true,
  '--trace-warnings': false,
  '--trace-deprecation': false,
  '--throw-deprecation': false,
  '--pending-deprecation': false,
  '--trace-uncaught': false,
  '--expose-gc': false,
  '--enable-source-maps': false,
  '--experimental-require-module': true,
  '--experimental-detect-module': true,
  '--unhandled-rejections': 'throw',
  '--stack-trace-limit': undefined,
};
// Options taking the next argument as their value when given without `=`.
const kTakesNext = new Set(['-e', '--eval', '-p', '--print', '-pe', '-r', '--require', '--unhandled-rejections']);

let values = null;

function parse() {
  values = { __proto__: kDefaults };
  const { optionArgv } = internalBinding('process_methods');
  for (let i = 0; i < optionArgv.length; i++) {
    const arg = optionArgv[i];
    if (!arg.startsWith('--')) {
      if (kTakesNext.has(arg)) i++;
      continue;
    }
    const eq = arg.indexOf('=');
    let name = `--${(eq === -1 ? arg.slice(2) : arg.slice(2, eq)).replaceAll('_', '-')}`;
    let value = true;
    if (name.startsWith('--no-') && typeof kDefaults[`--${name.slice(5)}`] === 'boolean') {
      name = `--${name.slice(5)}`;
      value = false;
    }
    if (!(name in kDefaults)) {
      if (kTakesNext.has(name) && eq === -1) i++;
      continue;
    }
    if (typeof kDefaults[name] !== 'boolean') {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (kTakesNext.has(name)) value = optionArgv[++i];
      if (name === '--stack-trace-limit') value = Number(value) | 0;
    }
    values[name] = value;
  }
}

function getOptionValue(name) {
  if (values === null) {
    parse();
    // (Node also takes this one from the environment.)
    if (internalBinding('process_methods').env.NODE_PENDING_DEPRECATION === '1') values['--pending-deprecation'] = true;
  }
  return values[name];
}

module.exports = { getOptionValue };
