'use strict';

// node:module — the CommonJS `Module` class itself (from the loader) with
// the rest of the public API: builtinModules, createRequire, isBuiltin,
// findPackageJSON, SourceMap/findSourceMap, the compile-cache functions and
// the loader's underscore helpers (_findPath, _resolveLookupPaths, ...),
// laid out in the order Node shows them.

const Module = require('internal/modules/cjs/loader');
const path = require('path');
const { BuiltinModule } = require;
const modulesBinding = internalBinding('modules');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
    ERR_MISSING_ARGS,
    ERR_MODULE_NOT_FOUND,
    ERR_UNSUPPORTED_RESOLVE_REQUEST,
  },
} = require('internal/errors');
const { deprecate } = require('internal/util');
const { SourceMap } = require('internal/source_map/source_map');

let modulePaths = [];

function isRelativeRequest(request) {
  if (request[0] !== '.') return false;
  return request.length === 1 || request[1] === '.' || request[1] === '/';
}

// The absolute file `request` names when looked up in `paths` (no
// node_modules walk), or false.
function findPath(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  const dirs = absolute ? [''] : paths;
  if (!Array.isArray(dirs)) return false;
  const cacheKey = `${request}\x00${dirs.join('\x00')}`;
  const cached = Module._pathCache[cacheKey];
  if (cached !== undefined) return cached;
  for (const dir of dirs) {
    if (!absolute && typeof dir !== 'string') continue;
    const candidate = absolute ? request : path.resolve(dir, request);
    const found = modulesBinding.resolveCJS(candidate, path.dirname(candidate));
    if (found !== null) {
      Module._pathCache[cacheKey] = found;
      return found;
    }
  }
  return false;
}

function resolveLookupPaths(request, parent) {
  if (BuiltinModule.canBeRequiredByUsers(request) ||
      (request.startsWith('node:') && BuiltinModule.isBuiltin(request))) {
    return null;
  }
  if (!isRelativeRequest(request)) {
    const paths = parent?.paths?.length ? [...parent.paths, ...modulePaths] : modulePaths;
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
}

// Module.globalPaths: $NODE_PATH, ~/.node_modules, ~/.node_libraries, <prefix>/lib/node.
function initPaths() {
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefix = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefix, 'lib', 'node')];
  if (home) paths = [path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'), ...paths];
  if (nodePath) paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  modulePaths = paths;
  Module.globalPaths = paths.slice();
}

function preloadModules(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of requests) parent.require(request);
}

function exists(file) {
  return modulesBinding.realpath(file) !== null;
}

// The package.json nearest above `file` (its own directory first).
function nearestPackageJSON(file) {
  let dir = path.dirname(file);
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier[0] === '@' ? parts.slice(0, 2).join('/') : parts[0];
}

function findPackageJSON(specifier, base = 'data:') {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('specifier');
  specifier = `${specifier}`;
  const { URL, fileURLToPath, isURL, pathToFileURL } = require('internal/url');
  let parentURL = base;
  if (!isURL(base)) {
    if (typeof base !== 'string') throw new ERR_INVALID_ARG_TYPE('base', 'string', base);
    parentURL = path.isAbsolute(base) ? pathToFileURL(base) : new URL(base);
  }
  if (specifier !== '' && specifier[0] !== '.' && specifier[0] !== '/' && !URL.canParse(specifier)) {
    // A bare specifier: the package.json at the root of the package it names.
    const name = packageNameOf(specifier);
    // Looking under node_modules needs a hierarchical base (not the default "data:").
    if (!URL.canParse(`./node_modules/${name}/package.json`, parentURL)) {
      throw new ERR_INVALID_URL(`./node_modules/${name}/package.json`, parentURL.href);
    }
    let dir = path.dirname(fileURLToPath(parentURL));
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name, 'package.json');
      if (exists(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    throw new ERR_MODULE_NOT_FOUND(`package '${name}'`, fileURLToPath(parentURL), null);
  }
  if (!URL.canParse(specifier, parentURL) || (parentURL.protocol !== 'file:' && !URL.canParse(specifier))) {
    throw new ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL.href);
  }
  const target = fileURLToPath(new URL(specifier, parentURL));
  if (!exists(target)) throw new ERR_MODULE_NOT_FOUND(`module '${target}'`, fileURLToPath(parentURL), null);
  return nearestPackageJSON(target);
}

// Source maps are only collected with --enable-source-maps, which pynode
// does not offer: there is never a map to find.
function findSourceMap(sourcePath) {
  return undefined;
}

const constants = {
  __proto__: null,
  compileCacheStatus: Object.freeze({ __proto__: null, FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }),
};
Object.freeze(constants);

// pynode caches the bytecode of its own library only; user modules are
// always compiled from source, so the cache reports itself disabled.
function enableCompileCache(cacheDir) {
  return { status: constants.compileCacheStatus.DISABLED, message: 'Disabled: pynode has no compile cache for user modules' };
}

function flushCompileCache() {}

function getCompileCacheDir() { return undefined; }

// Bring the named exports of imported builtins up to date with their
// objects (after a program replaced, say, fs.readFileSync).
function syncBuiltinESMExports() {
  require('internal/modules/esm').syncBuiltinESMExports();
}

const debug = require('internal/util/debuglog').debuglog('module');

const statics = {
  _cache: Module._cache,
  _pathCache: Module._pathCache,
  _extensions: Module._extensions,
  globalPaths: Module.globalPaths,
  _debug: deprecate(debug, 'Module._debug is deprecated.', 'DEP0077'),
  isBuiltin: Module.isBuiltin,
  _findPath: findPath,
  _nodeModulePaths: Module._nodeModulePaths,
  _resolveLookupPaths: resolveLookupPaths,
  _load: Module._load,
  _resolveFilename: Module._resolveFilename,
  createRequire: Module.createRequire,
  _initPaths: initPaths,
  _preloadModules: preloadModules,
  syncBuiltinESMExports,
  Module,
  builtinModules: Object.freeze([
    ...BuiltinModule.getPublicIds(),
    ...BuiltinModule.getSchemeOnlyIds().map((id) => `node:${id}`),
  ]),
  runMain: Module.runMain,
  findSourceMap,
  SourceMap,
  constants,
  enableCompileCache,
  findPackageJSON,
  flushCompileCache,
  getCompileCacheDir,
};

// Re-lay the statics in Node's order; the loader's extra helpers stay but hidden.
const hidden = Object.keys(Module).filter((key) => !(key in statics));
for (const key of Object.keys(statics)) delete Module[key];
for (const [key, value] of Object.entries(statics)) {
  Object.defineProperty(Module, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}
for (const key of hidden) {
  Object.defineProperty(Module, key, { __proto__: null, enumerable: false });
}
initPaths();

module.exports = Module;
