// The builtin module loader. Evaluated once as a script; Python calls the
// returned function with its natives (binding lookup, builtin compiler, ids)
// and gets back `requireBuiltin`.
(function setupRealm(natives) {
  'use strict';
  const bindingCache = { __proto__: null };
  function internalBinding(name) {
    let b = bindingCache[name];
    if (b === undefined) {
      b = natives.binding(name);
      bindingCache[name] = b;
    }
    return b;
  }

  const ids = new Set(natives.ids);
  const cache = new Map();
  // Public builtins: everything outside internal/, as Node lists them.
  const publicIds = natives.ids.filter((id) => !id.startsWith('internal/') && !id.startsWith('vendor/'));
  // Builtins reachable only with the node: scheme.
  const schemeOnly = new Set(['test', 'test/reporters', 'sqlite', 'sea']);

  class BuiltinModule {
    constructor(id) {
      this.id = id;
      this.filename = `${id}.js`;
      this.exports = {};
      this.loaded = false;
      this.loading = false;
    }

    static exists(id) { return ids.has(id); }

    static canBeRequiredByUsers(id) {
      return ids.has(id) && !id.startsWith('internal/') && !id.startsWith('vendor/') && !schemeOnly.has(id);
    }

    static canBeRequiredWithoutScheme(id) {
      return BuiltinModule.canBeRequiredByUsers(id);
    }

    static isBuiltin(name) {
      if (name.startsWith('node:')) {
        const id = name.slice(5);
        return ids.has(id) && !id.startsWith('internal/') && !id.startsWith('vendor/');
      }
      return BuiltinModule.canBeRequiredByUsers(name);
    }

    static getPublicIds() { return publicIds.filter((id) => !schemeOnly.has(id)); }

    static getSchemeOnlyIds() { return [...schemeOnly].filter((id) => ids.has(id)); }

    compileForInternalLoader() {
      if (this.loaded || this.loading) return this.exports;
      this.loading = true;
      try {
        const fn = natives.compile(this.id);
        fn.call(undefined, this.exports, requireBuiltin, this, internalBinding);
        this.loaded = true;
      } finally {
        this.loading = false;
      }
      return this.exports;
    }
  }

  function requireBuiltin(id) {
    let mod = cache.get(id);
    if (mod === undefined) {
      if (!ids.has(id)) throw new Error(`No such built-in module: ${id}`);
      mod = new BuiltinModule(id);
      cache.set(id, mod);
    }
    return mod.compileForInternalLoader();
  }

  requireBuiltin.BuiltinModule = BuiltinModule;
  requireBuiltin.internalBinding = internalBinding;
  return requireBuiltin;
})
