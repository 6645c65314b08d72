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
      return Module._load(filename, null, false); // at wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | cjsLoader (node:internal/modules/esm/translators:271:5) | ModuleWrap.<anonymous> (node:internal/modules/esm/translators:204:7)
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
};

function moduleError(code, message, fields) {
  const { site, ...extra } = fields || {};
  const err = errors.moduleError(code, message, extra);
  if (site !== undefined && arrows[site] !== undefined) {
    Object.defineProperty(err, kNodeArrow, { __proto__: null, value: arrows[site], configurable: true });
  }
  return err;
}


module.exports = { builtinExportNames, initImportMeta, moduleError, syncBuiltinESMExports };
