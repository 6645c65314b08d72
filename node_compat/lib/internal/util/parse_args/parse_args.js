'use strict';

// util.parseArgs: command-line parsing in two passes. The arguments become
// tokens first (options with their values, positionals, the `--`
// terminator), and the tokens then become `values` and `positionals`, with
// strict-mode checks, `--no-` negation and defaults.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');

const hasOwn = Object.hasOwn;

function ownValue(obj, prop) {
  return hasOwn(obj, prop) ? obj[prop] : undefined;
}

// A property of the configuration of option `name`, if that option exists.
function optionProperty(options, name, prop) {
  return hasOwn(options, name) ? ownValue(options[name], prop) : undefined;
}

// The user's arguments: after the script, or after the runtime for -e/-p.
function getMainArgs() {
  const { execArgv } = process;
  if (execArgv.includes('-e') || execArgv.includes('--eval') ||
      execArgv.includes('-p') || execArgv.includes('--print')) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

// ---- recognising argument shapes ---------------------------------------------

function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}

function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

function longNameForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (ownValue(options[name], 'short') === short) return name;
  }
  return short;
}

// "-abc" where the first letter is not a string option: a group of flags.
function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionProperty(options, longNameForShort(arg[1], options), 'type') !== 'string';
}

// "-fVALUE" where -f is a string option.
function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionProperty(options, longNameForShort(arg[1], options), 'type') === 'string';
}

// A separate argument may be the value of a string option (whatever it
// looks like; strict mode rejects dash-led ones afterwards).
function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  return value != null && value.length > 1 && value[0] === '-';
}

// ---- pass 1: arguments -> tokens -------------------------------------------

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const nextArg = remaining[0];
    // Arguments expanded from a short group share the group's index.
    if (groupCount > 0) {
      groupCount--;
    } else {
      index++;
    }

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remaining) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }

    if (isLoneShortOption(arg)) {
      const name = longNameForShort(arg[1], options);
      let value;
      let inlineValue;
      if (optionProperty(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isShortOptionGroup(arg, options)) {
      // -abc -> -a -b -c; a string option inside takes the rest: -abfX -> -a -b -fX.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const short = arg[i];
        const name = longNameForShort(short, options);
        if (optionProperty(options, name, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${short}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }

    if (isShortOptionAndValue(arg, options)) {
      const short = arg[1];
      tokens.push({
        kind: 'option', name: longNameForShort(short, options), rawName: `-${short}`,
        index, value: arg.slice(2), inlineValue: true,
      });
      continue;
    }

    if (isLoneLongOption(arg)) {
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionProperty(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals);
      tokens.push({
        kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(equals + 1), inlineValue: true,
      });
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// ---- pass 2: strict-mode checks and storing ------------------------------------

function checkOptionUsage(config, token) {
  let name = token.name;
  if (!hasOwn(config.options, name)) {
    // `--no-foo` is known when `foo` is a boolean option and negation is on.
    const negated = config.allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || optionProperty(config.options, negated, 'type') !== 'boolean') {
      const { rawName } = token;
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(rawName, config.allowPositionals); // at node:internal/util/parse_args/parse_args:107:13
    }
    name = negated;
  }
  const short = optionProperty(config.options, name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionProperty(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    const message = `Option '${shortAndLong} <value>' argument missing`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(message); // at node:internal/util/parse_args/parse_args:116:11
  }
  if (type === 'boolean' && token.value != null) {
    const message = `Option '${shortAndLong}' does not take an argument`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(message); // at node:internal/util/parse_args/parse_args:120:11
  }
}

// A separate value that looks like an option is probably a forgotten value.
function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE( // at node:internal/util/parse_args/parse_args:87:11
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function storeOption(name, value, options, values) {
  if (name === '__proto__') return;
  const newValue = value ?? true;
  if (optionProperty(options, name, 'multiple')) {
    if (values[name]) {
      values[name].push(newValue);
    } else {
      values[name] = [newValue];
    }
  } else {
    values[name] = newValue;
  }
}

function validateOptionsConfig(options) {
  for (const name of Object.keys(options)) {
    const config = options[name];
    validateObject(config, `options.${name}`); // at (node:internal/util/parse_args/parse_args:327:7)
    const type = ownValue(config, 'type');
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (hasOwn(config, 'short')) {
      const short = config.short;
      validateString(short, `options.${name}.short`); // at (node:internal/util/parse_args/parse_args:335:9)
      if (short.length !== 1) {
        const reason = 'must be a single character';
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, reason); // at (node:internal/util/parse_args/parse_args:337:17)
      }
    }
    const multiple = ownValue(config, 'multiple');
    if (hasOwn(config, 'multiple')) {
      validateBoolean(multiple, `options.${name}.multiple`); // at (node:internal/util/parse_args/parse_args:347:9)
    }
    const defaultValue = ownValue(config, 'default');
    if (defaultValue !== undefined) {
      let validator;
      if (type === 'string') {
        validator = multiple ? validateStringArray : validateString;
      } else {
        validator = multiple ? validateBooleanArray : validateBoolean;
      }
      validator(defaultValue, `options.${name}.default`); // at (node:internal/util/parse_args/parse_args:362:9)
    }
  }
}

function parseArgs(config = kEmptyObject) {
  const args = ownValue(config, 'args') ?? getMainArgs();
  const strict = ownValue(config, 'strict') ?? true;
  const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
  const returnTokens = ownValue(config, 'tokens') ?? false;
  const allowNegative = ownValue(config, 'allowNegative') ?? false;
  const options = ownValue(config, 'options') ?? { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals, allowNegative };

  validateArray(args, 'args'); // at node:internal/util/parse_args/parse_args:318:3
  validateBoolean(strict, 'strict'); // at node:internal/util/parse_args/parse_args:319:3
  validateBoolean(allowPositionals, 'allowPositionals'); // at node:internal/util/parse_args/parse_args:320:3
  validateBoolean(returnTokens, 'tokens'); // at node:internal/util/parse_args/parse_args:321:3
  validateBoolean(allowNegative, 'allowNegative'); // at node:internal/util/parse_args/parse_args:322:3
  validateObject(options, 'options'); // at node:internal/util/parse_args/parse_args:323:3
  validateOptionsConfig(options); // at Array.forEach (<anonymous>) | parseArgs (node:internal/util/parse_args/parse_args:324:3)

  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token); // at (node:internal/util/parse_args/parse_args:381:9) | Array.forEach (<anonymous>) | parseArgs (node:internal/util/parse_args/parse_args:378:3)
        checkOptionLikeValue(token); // at (node:internal/util/parse_args/parse_args:382:9) | Array.forEach (<anonymous>) | parseArgs (node:internal/util/parse_args/parse_args:378:3)
      }
      if (allowNegative && token.name.startsWith('no-') && token.value === undefined) {
        token.name = token.name.slice(3);
        storeOption(token.name, false, options, result.values);
      } else {
        storeOption(token.name, token.value, options, result.values);
      }
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value); // at (node:internal/util/parse_args/parse_args:387:15) | Array.forEach (<anonymous>) | parseArgs (node:internal/util/parse_args/parse_args:378:3)
      }
      result.positionals.push(token.value);
    }
  }

  for (const name of Object.keys(options)) {
    const defaultValue = ownValue(options[name], 'default');
    if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = defaultValue;
    }
  }
  return result;
}

module.exports = { parseArgs };
