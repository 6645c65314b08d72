'use strict';

// CommonJS modules: `require`, `module`, `exports`, `__filename`, `__dirname`,
// require.resolve/cache/main, JSON files, node_modules lookup (done in Python,
// internalBinding('modules')), and require() of ES modules.

const path = require('path');
const { requireTrace, tracedLoad } = require('internal/modules/traces');
const { BuiltinModule } = require;
const modulesBinding = internalBinding('modules');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_BUILTIN_MODULE, ERR_REQUIRE_ASYNC_MODULE },
  getSystemErrorName,
  uvException,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { kNodeArrow } = require('internal/util');

const wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', {
    __proto__: null, value: {}, writable: true, enumerable: true, configurable: true,
  });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
Module.wrapper = wrapper;
Module.wrap = function(script) { return wrapper[0] + script + wrapper[1]; };
Module.builtinModules = BuiltinModule.getPublicIds();
Module.isBuiltin = function isBuiltin(moduleName) { return BuiltinModule.isBuiltin(moduleName); };

Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(dir + '/node_modules');
  }
  paths.push('/node_modules');
  return paths;
};

function loadBuiltin(id) {
  return require(id);
}

function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    stack.push(cursor.filename || cursor.id);
  }
  return stack;
}

const moduleParentCache = new WeakMap();

Module._resolveFilename = function(request, parent, isMain, options) {
  if (request.startsWith('node:') || BuiltinModule.canBeRequiredWithoutScheme(request) || BuiltinModule.isMissing(request)) {
    if (!request.startsWith('node:') || BuiltinModule.canBeRequiredByUsers(request.slice(5)) ||
        BuiltinModule.getSchemeOnlyIds().includes(request.slice(5))) {
      return request;
    }
  }
  let dirs;
  if (options?.paths) {
    if (!Array.isArray(options.paths)) {
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
    dirs = options.paths.map((p) => path.resolve(p));
  }
  const parentDir = parent?.filename ? path.dirname(parent.filename) :
    parent?.id === '<repl>' || parent?.id === '[eval]' ? process.cwd() : process.cwd();
  let filename = null;
  if (dirs !== undefined) {
    for (const dir of dirs) {
      filename = modulesBinding.resolveCJS(request, dir);
      if (filename !== null) break;
    }
  } else {
    filename = modulesBinding.resolveCJS(request, parentDir);
  }
  if (Array.isArray(filename)) {
    const { nodeErrorWithMessage } = require('internal/errors');
    throw nodeErrorWithMessage(filename[0], filename[1]);
  }
  if (filename !== null) return filename;

  const requireStack = requireStackOf(parent);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message); // at Function._resolveFilename (node:internal/modules/cjs/loader:1410:15)
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  Object.defineProperty(err, kNodeArrow, {
    __proto__: null, value: 'node:internal/modules/cjs/loader:1413\n  throw err;\n  ^\n', configurable: true,
  });
  throw err;
};

Module._load = function(request, parent, isMain) {
  if (request.startsWith('node:') || BuiltinModule.isMissing(request)) {
    const id = request.startsWith('node:') ? request.slice(5) : request;
    if (!BuiltinModule.canBeRequiredByUsers(id) && !BuiltinModule.getSchemeOnlyIds().includes(id)) {
      const err = new ERR_UNKNOWN_BUILTIN_MODULE(request); // at defaultResolveImpl (node:internal/modules/cjs/loader:1055:15) | resolveForCJSWithHooks (node:internal/modules/cjs/loader:1066:22) | Function._load (node:internal/modules/cjs/loader:1215:37)
      Object.defineProperty(err, kNodeArrow, {
        __proto__: null,
        value: 'node:internal/modules/cjs/loader:1055\n        throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);\n        ^\n',
        configurable: true,
      });
      throw err;
    }
    return loadBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain); // at defaultResolveImpl (node:internal/modules/cjs/loader:1061:19) | resolveForCJSWithHooks (node:internal/modules/cjs/loader:1066:22) | Function._load (node:internal/modules/cjs/loader:1215:37)
  if (filename.startsWith('node:')) return loadBuiltin(filename.slice(5));
  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) return loadBuiltin(filename);

  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached, true);
    return cached.exports;
  }

  const module = new Module(filename, parent);
  if (parent) moduleParentCache.set(module, parent);
  if (isMain) {
    setOwnProperty(process, 'mainModule', module);
    setOwnProperty(module.require, 'main', process.mainModule);
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename); // at Function._load (node:internal/modules/cjs/loader:1286:12)
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        const children = parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

function setOwnProperty(obj, key, value) {
  Object.defineProperty(obj, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let extension = path.extname(filename);
  if (extension === '.mjs' || (extension === '.js' && modulesBinding.formatOf(filename) === 'module')) {
    extension = '.mjs';
  } else if (Module._extensions[extension] === undefined) {
    extension = '.js';
  }
  Module._extensions[extension](this, filename); // at Module.load (node:internal/modules/cjs/loader:1474:32)
  this.loaded = true;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  if (requireTrace().hasSubscribers) return tracedLoad(Module, id, this, false, this.filename); // at wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | Module.require (node:internal/modules/cjs/loader:1496:12)
  return Module._load(id, this, false); // at TracingChannel.traceSync (node:diagnostics_channel:322:14) | wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | Module.require (node:internal/modules/cjs/loader:1496:12)
};


// A syntax error as V8 reports it: its message, and the line and carets
// (none at the end of the input) its stack starts with.
function syntaxError({ message, line, column, length }, content, filename) {
  const err = new SyntaxError(message); // at wrapSafe (node:internal/modules/cjs/loader:1671:18) | Module._compile (node:internal/modules/cjs/loader:1714:20)
  const text = content.split('\n')[line - 1] ?? '';
  const carets = length === 0 ? '' : `${' '.repeat(column - 1)}${'^'.repeat(length)}`;
  // As Node's decorateErrorStack: the stack starts with the line and
  // carets, so the fatal report adds none.
  err.stack = `${filename}:${line}\n${text}\n${carets}\n\n${err.stack}`;
  Object.defineProperty(err, kNodeArrow, { __proto__: null, value: '', configurable: true });
  return err;
}

// Compile a CommonJS source; an ES-module-only syntax error means the file is an ES module.
Module.prototype._compile = function(content, filename, format) {
  const compiled = modulesBinding.compileCJS(content, filename);
  if (compiled[0] !== true) {
    if (format !== 'commonjs' && modulesBinding.looksLikeESM(content, filename)) {
      return loadESMFromCJS(this, filename);
    }
    throw compiled[2] ? syntaxError(compiled[2], content, filename) : compiled[1]; // at -
  }
  const fn = compiled[1];
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  return Reflect.apply(fn, exports, [exports, require, this, filename, dirname]); // at Module._compile (node:internal/modules/cjs/loader:1740:14)
};

// A path that resolved but cannot be read (a pipe's /proc name) throws the
// error of Node's loader, which reads through fs: `ENOENT: ..., open '<path>'`.
function readModuleFile(filename) {
  const content = modulesBinding.readModuleFile(filename);
  if (typeof content === 'number') {
    throw uvException({ errno: content, code: getSystemErrorName(content), syscall: 'open', path: filename }); // at node:fs:443:20
  }
  return content;
}

Module._extensions['.js'] = function(module, filename) {
  const content = readModuleFile(filename);
  const format = modulesBinding.formatOf(filename);
  module._compile(content, filename, format === 'detect' ? undefined : format); // at Object..js (node:internal/modules/cjs/loader:1905:10)
};

Module._extensions['.json'] = function(module, filename) {
  const content = readModuleFile(filename);
  try {
    setOwnProperty(module, 'exports', JSON.parse(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  throw new Error(`Cannot load native addon ${filename}: native addons are not supported by pynode`);
};

Module._extensions['.mjs'] = function(module, filename) {
  loadESMFromCJS(module, filename);
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

// require() of an ES module: evaluated synchronously, like Node 23 does for
// graphs without top-level await.
function loadESMFromCJS(mod, filename) {
  const result = modulesBinding.requireESM(filename);
  if (result[0] === 'async') {
    throw new ERR_REQUIRE_ASYNC_MODULE();
  }
  if (result[0] === 'error') throw result[1];
  const namespace = result[1];
  if (namespace['module.exports'] !== undefined && Object.prototype.hasOwnProperty.call(namespace, 'module.exports')) {
    mod.exports = namespace['module.exports'];
  } else {
    mod.exports = namespace;
  }
}

function makeRequireFunction(mod) {
  const require = function require(path) {
    return mod.require(path); // at require (node:internal/modules/helpers:135:16)
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options); // at Function.resolve (node:internal/modules/helpers:145:19)
  }
  require.resolve = resolve;
  function paths(request) {
    validateString(request, 'request');
    if (BuiltinModule.isBuiltin(request)) return null;
    if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) {
      return [mod.filename ? path.dirname(mod.filename) : process.cwd()];
    }
    return Module._nodeModulePaths(mod.filename ? path.dirname(mod.filename) : process.cwd());
  }
  resolve.paths = paths;
  setOwnProperty(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
                                    'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const proxyPath = filepath.endsWith('/') ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.runMain = function(main = process.argv[1]) {
  Module._load(main, null, true);
};

Module.Module = Module;
Module.makeRequireFunction = makeRequireFunction;

module.exports = Module;
