'use strict';

// The JS half of the ES module loader (the resolver and loader are Python,
// installed through jsbridge): import.meta contents, the errors a failed
// import throws, and the export names of builtins.

const errors = require('internal/errors');
const { kNodeArrow } = require('internal/util');
const modulesBinding = internalBinding('modules');

const kLoad = '__pynodeLoad';
const kSync = '__pynodeSync';

// Refreshers of the named exports of imported builtins (see modules/system.py).
const builtinSyncers = [];

function syncBuiltinESMExports() {
  for (const refresh of builtinSyncers) refresh();
}

// Called for each module once it is compiled.
function initImportMeta(meta, name) {
  const kind = modulesBinding.syntheticKind(name);
  if (kind !== null) {
    Object.defineProperty(meta, kLoad, {
      __proto__: null,
      value: () => loadSynthetic(kind, name), // at -
      enumerable: false,
      configurable: false,
      writable: false,
    });
    if (kind === 'builtin') {
      Object.defineProperty(meta, kSync, {
        __proto__: null,
        value: (refresh) => { builtinSyncers.push(refresh); },
        enumerable: false,
        configurable: false,
        writable: false,
      });
    }
    return;
  }
  if (!name.startsWith('file:')) {
    meta.url = name;
    return;
  }
  const filename = modulesBinding.urlToPath(name);
  const slash = filename.lastIndexOf('/');
  meta.dirname = slash <= 0 ? '/' : filename.slice(0, slash);
  meta.filename = filename;
  meta.resolve = function resolve(specifier) {
    return modulesBinding.resolveImport(`${specifier}`, name);
  };
  meta.url = name;
}

function loadSynthetic(kind, name) {
  switch (kind) {
    case 'builtin':
      return require(name.slice(5));
    case 'commonjs': {
      const Module = require('internal/modules/cjs/loader');
      const filename = modulesBinding.urlToPath(name);
      // (A module required already is taken as it is: no load to trace.)
      const { requireTrace, tracedLoad } = require('internal/modules/traces');
      if (requireTrace().hasSubscribers && !Module._cache[filename]?.loaded) {
        return tracedLoad(Module, filename, null, false, undefined); // at wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | cjsLoader (node:internal/modules/esm/translators:271:5) | ModuleWrap.<anonymous> (node:internal/modules/esm/translators:204:7)
      }
      return Module._load(filename, null, false); // at TracingChannel.traceSync (node:diagnostics_channel:322:14) | wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | cjsLoader (node:internal/modules/esm/translators:271:5) | ModuleWrap.<anonymous> (node:internal/modules/esm/translators:204:7)
    }
    case 'json':
      return JSON.parse(modulesBinding.readSource(modulesBinding.urlToPath(name)));
  }
  throw new Error(`unknown synthetic module kind ${kind}`);
}

function builtinExportNames(id) {
  const exports = require(id);
  const names = [];
  if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
    for (const key of Object.keys(exports)) names.push(key);
  }
  return names;
}

// What Node prints above a fatal import failure: its own throw site.
const arrows = {
  finalize: 'node:internal/modules/esm/resolve:275\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n',
  package: 'node:internal/modules/package_json_reader:267\n' +
    '  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);\n        ^\n',
  builtin: 'node:internal/modules/esm/translators:363\n    throw new ERR_UNKNOWN_BUILTIN_MODULE(url);\n          ^\n',
  dir: 'node:internal/modules/esm/resolve:263\n' +
    '    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, basePath, String(resolved));\n          ^\n',
  attribute_key: 'node:internal/modules/esm/assert:60\n' +
    '      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], importAttributes[keys[i]]);\n            ^\n',
  attribute_type: 'node:internal/modules/esm/assert:105\n' +
    "    throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type);\n          ^\n",
  attribute_missing: 'node:internal/modules/esm/assert:88\n' +
    "        throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', validType);\n              ^\n",
  attribute_incompatible: 'node:internal/modules/esm/assert:109\n' +
    '  throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, type);\n        ^\n',
};

// Node's frames of such a failure: its resolver's or loader's, then those of
// a static import's link or of the import() call (whose caller's frames,
// below, pynode does not have: the import runs from a job of its own).
const resolving = ['defaultResolve (node:internal/modules/esm/resolve:984:11)',
  'ModuleLoader.defaultResolve (node:internal/modules/esm/loader:688:12)',
  '#cachedDefaultResolve (node:internal/modules/esm/loader:612:25)',
  'ModuleLoader.resolve (node:internal/modules/esm/loader:595:38)',
  'ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:248:38)'];
const loading = ['defaultLoad (node:internal/modules/esm/load:126:3)',
  'async ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:488:32)'];
const siteFrames = {
  finalize: ['finalizeResolution (node:internal/modules/esm/resolve:275:11)',
    'moduleResolve (node:internal/modules/esm/resolve:860:10)', ...resolving],
  dir: ['finalizeResolution (node:internal/modules/esm/resolve:263:11)',
    'moduleResolve (node:internal/modules/esm/resolve:860:10)', ...resolving],
  package: ['Object.getPackageJSONURL (node:internal/modules/package_json_reader:267:9)',
    'packageResolve (node:internal/modules/esm/resolve:768:81)',
    'moduleResolve (node:internal/modules/esm/resolve:854:18)', ...resolving],
  builtin: ['ModuleLoader.builtinStrategy (node:internal/modules/esm/translators:363:11)',
    '#translate (node:internal/modules/esm/loader:442:12)',
    'ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:489:27)'],
  // (The import attributes' checks, as the module is loaded.)
  attribute_key: ['validateAttributes (node:internal/modules/esm/assert:60:13)', ...loading],
  attribute_type: ['handleInvalidType (node:internal/modules/esm/assert:105:11)',
    'validateAttributes (node:internal/modules/esm/assert:90:14)', ...loading],
  attribute_missing: ['validateAttributes (node:internal/modules/esm/assert:88:15)', ...loading],
  attribute_incompatible: ['handleInvalidType (node:internal/modules/esm/assert:109:9)',
    'validateAttributes (node:internal/modules/esm/assert:77:14)', ...loading],
};
const importCall = ['onImport.tracePromise.__proto__ (node:internal/modules/esm/loader:551:36)',
  'TracingChannel.tracePromise (node:diagnostics_channel:344:14)',
  'ModuleLoader.import (node:internal/modules/esm/loader:550:21)',
  'defaultImportModuleDynamicallyForModule (node:internal/modules/esm/utils:215:31)',
  'importModuleDynamicallyCallback (node:internal/modules/esm/utils:254:12)'];
// The failures of loading a module (not of resolving its specifier): below
// them, a static import's link shows no frame of its own.
const loadingSites = new Set(['builtin', 'attribute_key', 'attribute_type', 'attribute_missing',
  'attribute_incompatible']);
function nodeFrames(site, dynamic) {
  const frames = siteFrames[site];
  if (loadingSites.has(site)) {
    return dynamic ? [...frames, 'async ModuleJob._link (node:internal/modules/esm/module_job:115:19)'] : frames;
  }
  if (dynamic) return [...frames, ...importCall];
  return [...frames, 'ModuleJob._link (node:internal/modules/esm/module_job:136:49)'];
}

// A loader error's stack as Node's is, and the arrow its fatal report shows.
function setNodeStack(err, stack, arrow) {
  Object.defineProperty(err, 'stack', { __proto__: null, value: stack, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(err, kNodeArrow, { __proto__: null, value: arrow, configurable: true });
}

function moduleError(code, message, fields) {
  const { site, dynamic, ...extra } = fields || {};
  const err = errors.moduleError(code, message, extra);
  if (site !== undefined && arrows[site] !== undefined) {
    const limit = Error.stackTraceLimit;
    const frames = nodeFrames(site, dynamic === true).slice(0, typeof limit === 'number' ? Math.max(limit, 0) : 10);
    setNodeStack(err, [`${err.name} [${err.code}]: ${err.message}`, ...frames.map((f) => `    at ${f}`)].join('\n'),
                 arrows[site]);
  }
  return err;
}


// QuickJS's syntax error in an ES module's source (its stack the one place
// it found it) -> V8's message, Node's loader's frames, and the source line
// with carets the fatal report shows above it.
// (A module's top-level lexical names declared twice QuickJS finds as it
// instantiates the module: the frame is then the module's.)
const kCompileSite = /^ {4}at (?:<anonymous> \()?(file:[^\s()]+):(\d+):(\d+)\)?\n?$/;
// A name imported that the module does not export: QuickJS's error has no frames.
const kMissingExport = /^Could not find export '(.+)' in module '(.+)'$/s;
function moduleSyntaxError(err, frames) {
  if (frames === '') {
    const missing = kMissingExport.exec(err.message);
    const link = missing === null ? null : modulesBinding.moduleLinkError(missing[1], missing[2]);
    if (link === null || link === undefined) return false;
    err.message = link[0];
    setNodeStack(err, link[1], '');  // (Node puts the source line into the stack itself: no arrow)
    return true;
  }
  const at = kCompileSite.exec(frames);
  const account = at === null ? null : modulesBinding.moduleSyntaxError(at[1], +at[2], +at[3], err.message);
  if (account === null || account === undefined) return false;
  const { 0: message, 1: arrow, 2: loaderFrames } = account;
  err.message = message;
  setNodeStack(err, `SyntaxError: ${message}\n${loaderFrames}`, arrow);
  return true;
}
require('internal/bootstrap/error_stacks').setModuleSyntaxError(moduleSyntaxError);

// An ES module whose evaluation fails on a name of CommonJS's (`require`,
// `__dirname`...) says so, as Node's loader does for the module it ran: the
// message gets " in ES module scope" (and for `require`, the way out), and
// for a .js file made a module by its package.json, why it is one.
const kCommonJSName = /^(?:require|module|exports|__filename|__dirname) is not defined$/;
function explainCommonJSName(err, url) {
  if (err === null || typeof err !== 'object' || err.name !== 'ReferenceError') return;
  const { message } = err;
  if (typeof message !== 'string' || !kCommonJSName.test(message)) return;
  let added = ' in ES module scope';
  if (message.startsWith('require ')) added += ', you can use import instead';
  if (url.startsWith('file://') && /\.js(\?[^#]*)?(#.*)?$/.test(url)) {
    const packageJSON = modulesBinding.modulePackageJSON(modulesBinding.urlToPath(url.replace(/[?#].*$/, '')));
    if (packageJSON !== null) {
      added += '\nThis file is being treated as an ES module because it has a \'.js\' file extension and ' +
        `'${packageJSON}' contains "type": "module". To treat it as a CommonJS script, rename it to use the ` +
        '\'.cjs\' file extension.';
    }
  }
  err.message = message + added;
  // (A stack already made keeps the message it was made with: its head changes too.)
  if (require('internal/bootstrap/error_stacks').isStackFormatted(err)) {
    const head = `${err.name}: ${message}`;
    const stack = err.stack;
    if (typeof stack === 'string' && stack.startsWith(head)) err.stack = `${err.name}: ${err.message}${stack.slice(head.length)}`;
  }
}

module.exports = { builtinExportNames, explainCommonJSName, initImportMeta, moduleError, syncBuiltinESMExports };
