// The builtin module loader. Evaluated once as a script; Python calls the
// returned function with its natives (binding lookup, builtin compiler, ids)
// and gets back `requireBuiltin`.
(function setupRealm(natives) {
  'use strict';
  const bindingCache = { __proto__: null };
  // What has been loaded, in order (process.moduleLoadList).
  const moduleLoadList = [];
  function internalBinding(name) {
    let b = bindingCache[name];
    if (b === undefined) {
      b = natives.binding(name);
      moduleLoadList.push(`Internal Binding ${name}`);
      for (const key of Object.keys(b)) {
        const value = b[key];
        if (value !== null && typeof value === 'object' && value.__nativeClass === true) {
          b[key] = makeNativeClass(value);
        }
      }
      bindingCache[name] = b;
    }
    return b;
  }

  // A native-class instance is the JS side of its Python object (see
  // bindings/native.py): a host object, which jsbridge turns back into the
  // Python object when it is passed to Python, so methods pass `this`.
  // (Methods, as V8's native functions: no `prototype`, not constructors.)
  const forwarders = [
    (fn) => ({ m() { return fn(this); } }).m,
    (fn) => ({ m(a) { return fn(this, a); } }).m,
    (fn) => ({ m(a, b) { return fn(this, a, b); } }).m,
    (fn) => ({ m(a, b, c) { return fn(this, a, b, c); } }).m,
    (fn) => ({ m(a, b, c, d) { return fn(this, a, b, c, d); } }).m,
    (fn) => ({ m(a, b, c, d, e) { return fn(this, a, b, c, d, e); } }).m,
    (fn) => ({ m(a, b, c, d, e, f) { return fn(this, a, b, c, d, e, f); } }).m,
  ];

  const ObjectSetPrototypeOf = Object.setPrototypeOf;

  // The Python function behind each method forwarder, for the internals
  // that call a handle's method once per read or write: called directly,
  // with the handle first, it spares the forwarder's call.
  const pythonMethods = new WeakMap();

  // The own properties a TCP handle has from birth in Node, in Node's order
  // (spec.tcpFields; bootstrap/node's callbackAccept gives them to accepted
  // handles too).
  let ownerSymbol;
  function initTCPHandle(handle) {
    handle.reading = false;
    handle.onconnection = null;
    handle[ownerSymbol] = null;
  }

  // The Python function behind each method of a class laid out as Node's
  // handle classes are (see internal/handle_layout), by name.
  const methodOrigins = new WeakMap();
  let layOut;

  // A JS class over a Python class: `new C(...args)` creates the Python
  // object, whose host object, given C's prototype (or a subclass's), is
  // the instance; methods forward to the Python object.
  function makeNativeClass(spec) {
    const create = spec.create;
    const tcpFields = spec.tcpFields === true;
    if (tcpFields) ownerSymbol ??= requireBuiltin('internal/async_hooks').owner_symbol;
    // Fixed parameters rather than a rest array (~1,300 instructions each in
    // QuickJS); trailing undefined arguments count as absent, as they do for
    // Node's C++ constructors, which see undefined past the last argument.
    // No class takes more than three.
    const C = create === null ?
      function() {} :
      function(a, b, c) {
        if (new.target === undefined) throw new TypeError(`Class constructor ${spec.name} cannot be invoked without 'new'`);
        let handle;
        if (c !== undefined) handle = create(a, b, c);
        else if (b !== undefined) handle = create(a, b);
        else if (a !== undefined) handle = create(a);
        else handle = create();
        ObjectSetPrototypeOf(handle, new.target.prototype);
        if (tcpFields) initTCPHandle(handle);
        return handle;
      };
    Object.defineProperty(C, 'length', { __proto__: null, value: 0 });
    Object.defineProperty(C, 'name', { __proto__: null, value: spec.name });
    const layered = spec.layers !== undefined && spec.layers.length !== 0;
    for (const name of Object.keys(spec.methods || {})) {
      const [fn, arity, origin] = spec.methods[name];
      const method = arity >= 0 && arity < forwarders.length ?
        forwarders[arity](fn) :
        ({ m(...args) { return fn(this, ...args); } }).m;
      Object.defineProperty(method, 'name', { __proto__: null, value: name });
      pythonMethods.set(method, fn);
      if (layered) methodOrigins.set(method, origin);
      Object.defineProperty(C.prototype, name, {
        __proto__: null, value: method, writable: true, enumerable: false, configurable: true,
      });
    }
    for (const name of Object.keys(spec.getters || {})) {
      const fn = spec.getters[name];
      Object.defineProperty(C.prototype, name, {
        __proto__: null,
        get() { return fn(this); },
        enumerable: true,
        configurable: true,
      });
    }
    // Accessors Node has on the prototype (a stream handle's `onread`);
    // layOut moves them, then fixes them.
    for (const name of Object.keys(spec.accessors || {})) {
      const [get, set] = spec.accessors[name];
      Object.defineProperty(C.prototype, name, {
        __proto__: null,
        get() { return get(this); },
        set(value) { set(this, value); },
        enumerable: false,
        configurable: layered,
      });
    }
    for (const name of Object.keys(spec.constants || {})) {
      Object.defineProperty(C.prototype, name, {
        __proto__: null, value: spec.constants[name], writable: true, enumerable: true, configurable: true,
      });
    }
    if (layered) {
      layOut ??= requireBuiltin('internal/handle_layout').layOut;
      layOut(C, spec, methodOrigins);
    }
    for (const name of Object.keys(spec.statics || {})) C[name] = spec.statics[name];
    // `new C` makes an object of C.prototype before the constructor runs,
    // and drops it for the handle: its layout is kept (see keepLayout).
    if (create !== null) keepLayout(C.prototype, []);
    return C;
  }

  const ids = new Set(natives.ids);
  const cache = new Map();
  // Public builtins: everything outside internal/, as Node lists them.
  const publicIds = natives.ids.filter((id) => !id.startsWith('internal/') && !id.startsWith('vendor/'));
  // Builtins reachable only with the node: scheme.
  const schemeOnly = new Set(['test', 'test/reporters', 'sqlite', 'sea']);
  // Node's builtins without the scheme, those pynode lacks included.
  const nodeIds = new Set(natives.nodeIds);

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

    // A builtin of Node's that pynode does not implement yet.
    static isMissing(id) { return nodeIds.has(id) && !ids.has(id); }

    static getPublicIds() { return publicIds.filter((id) => !schemeOnly.has(id)); }

    static getSchemeOnlyIds() { return [...schemeOnly].filter((id) => ids.has(id)); }

    compileForInternalLoader() {
      if (this.loaded || this.loading) return this.exports;
      this.loading = true;
      moduleLoadList.push(`NativeModule ${this.id}`);
      try {
        const fn = natives.compile(this.id);
        if (this.id.startsWith('vendor/')) {
          fn.call(undefined, this.exports, vendoredRequire(this.id), this, internalBinding, vendorGlobal);
        } else {
          fn.call(undefined, this.exports, requireBuiltin, this, internalBinding);
        }
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

  // Files of vendored npm packages (ids `vendor/<package>/...`, see
  // node_compat/build/) keep their own require() calls: relative specifiers
  // resolve against the file's directory, and the package's adapter maps
  // specifiers (its npm dependencies, files it replaces) to other builtins
  // with `requireBuiltin.aliasVendored(specifier, id)`.
  const vendorAliases = new Map();
  // Their `globalThis`: the global object, but with the classes they read
  // off it (`globalThis.AbortController || require('abort-controller')`)
  // taken from the builtins. Read on the global object, these would load its
  // lazy properties, which no module of Node's does.
  const vendorGlobal = Object.create(globalThis, {
    AbortController: { __proto__: null, get() { return requireBuiltin('internal/abort_controller').AbortController; } },
    AbortSignal: { __proto__: null, get() { return requireBuiltin('internal/abort_controller').AbortSignal; } },
    Blob: { __proto__: null, get() { return requireBuiltin('buffer').Blob; } },
  });
  function vendoredRequire(fromId) {
    const dir = fromId.slice(0, fromId.lastIndexOf('/'));
    // Some files require() inside hot functions (readable-stream's
    // `instanceof require('./duplex')` in every stream constructor), so each
    // file remembers the module each of its specifiers resolved to.
    const resolved = new Map();
    function resolve(specifier) {
      let id = specifier;
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const parts = dir.split('/');
        for (const part of specifier.split('/')) {
          if (part === '..') parts.pop();
          else if (part !== '.' && part !== '') parts.push(part);
        }
        id = parts.join('/');
        if (id.endsWith('.js')) id = id.slice(0, -3);
      }
      return vendorAliases.get(id) ?? id;
    }
    return function require(specifier) {
      const mod = resolved.get(specifier);
      if (mod !== undefined) return mod.loaded ? mod.exports : mod.compileForInternalLoader();
      const id = resolve(specifier);
      const exports = requireBuiltin(id);
      resolved.set(specifier, cache.get(id));
      return exports;
    };
  }

  // QuickJS frees an object layout (shape) once no object has it, so an
  // object built one property at a time makes and frees every intermediate
  // layout each time it is built. Keeping one object at each step of a
  // construction (proto, then `keys` in the order they are added: strings
  // and symbols interleaved, which Reflect.ownKeys does not show) keeps the
  // steps for the next objects built the same way. (Kept here, where they
  // live as long as the realm: a module's own array would be freed with
  // its top-level scope.) The keys are plain properties, or have the given
  // attributes.
  const layoutKeepers = [];
  const plainAttributes = { __proto__: null, writable: true, enumerable: true, configurable: true };
  function keepLayout(proto, keys, attributes = plainAttributes) {
    for (let n = 0; n <= keys.length; n++) {
      const keeper = Object.create(proto);
      for (let i = 0; i < n; i++) {
        Object.defineProperty(keeper, keys[i], attributes);
      }
      layoutKeepers.push(keeper);
    }
  }

  // Every function made (closure, bind) gets `length`, then `name`: the
  // layout after `name` is shared, the two before it are not unless kept.
  keepLayout(Function.prototype, ['length'], { __proto__: null, writable: false, enumerable: false, configurable: true });

  requireBuiltin.aliasVendored = (specifier, id) => { vendorAliases.set(specifier, id); };
  requireBuiltin.BuiltinModule = BuiltinModule;
  requireBuiltin.internalBinding = internalBinding;
  requireBuiltin.moduleLoadList = moduleLoadList;
  requireBuiltin.keepLayout = keepLayout;
  requireBuiltin.initTCPHandle = initTCPHandle;
  requireBuiltin.pythonMethodOf = (method) => pythonMethods.get(method);
  return requireBuiltin;
})
