'use strict';

// DOMException, the WebIDL error class web APIs throw (atob, structuredClone,
// AbortSignal, ...). Its name, message and code live in private state behind
// prototype getters, so an instance's only own property is its stack.

// Legacy numeric codes, by error name, and the constants that expose them.
const kLegacyCodes = [
  ['IndexSizeError', 'INDEX_SIZE_ERR'],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'],
  ['NotFoundError', 'NOT_FOUND_ERR'],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR'],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
  ['InvalidStateError', 'INVALID_STATE_ERR'],
  ['SyntaxError', 'SYNTAX_ERR'],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'],
  ['NamespaceError', 'NAMESPACE_ERR'],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR'],
  ['ValidationError', 'VALIDATION_ERR'],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR'],
  ['SecurityError', 'SECURITY_ERR'],
  ['NetworkError', 'NETWORK_ERR'],
  ['AbortError', 'ABORT_ERR'],
  ['URLMismatchError', 'URL_MISMATCH_ERR'],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
  ['TimeoutError', 'TIMEOUT_ERR'],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'],
  ['DataCloneError', 'DATA_CLONE_ERR'],
];
const codeOfName = new Map(kLegacyCodes.map(([name], i) => [name, i + 1]));

const internals = new WeakMap();

function stateOf(self) {
  const state = internals.get(self);
  if (state === undefined) {
    // Thrown before any other module is available, hence built by hand.
    const err = new TypeError('Value of "this" must be of DOMException');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return state;
}

class DOMException {
  constructor(message = '', options = 'Error') {
    let name;
    let hasCause = false;
    let cause;
    if (options !== null && typeof options === 'object') {
      name = `${options.name}`;
      hasCause = 'cause' in options;
      if (hasCause) cause = options.cause;
    } else {
      name = `${options}`;
    }
    internals.set(this, { message: `${message}`, name });
    Error.captureStackTrace(this); // at node:internal/per_context/domexception:53:5
    // After the stack, so own properties come in Node's order.
    if (hasCause) {
      Object.defineProperty(this, 'cause', {
        __proto__: null, value: cause, configurable: true, writable: true, enumerable: false,
      });
    }
  }

  get name() { return stateOf(this).name; }

  get message() { return stateOf(this).message; }

  get code() { return codeOfName.get(stateOf(this).name) ?? 0; }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
for (const key of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'DOMException', configurable: true, writable: false, enumerable: false,
});
for (let i = 0; i < kLegacyCodes.length; i++) {
  const desc = { __proto__: null, value: i + 1, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(DOMException, kLegacyCodes[i][1], desc);
  Object.defineProperty(DOMException.prototype, kLegacyCodes[i][1], desc);
}

module.exports = { DOMException };
