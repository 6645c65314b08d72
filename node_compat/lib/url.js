'use strict';

// node:url — the WHATWG URL API (from internal/url) and the legacy
// url.parse()/url.format()/url.resolve() API with its `Url` objects.

const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isURLInstance,
  pathToFileURL: internalPathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const { Url, urlParse, urlResolve, urlResolveObject, urlFormatObject } = require('internal/url/legacy');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateString } = require('internal/validators');

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject); // at node:url:579:17
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject); // at node:url:581:11
  } else if (isURLInstance(urlObject)) {
    return formatURL(urlObject, options); // at -
  }
  return urlFormatObject(urlObject);
}

// Only the public function checks its argument (internal callers pass paths).
function pathToFileURL(path, options) {
  validateString(path, 'path'); // at node:url:1018:3
  return internalPathToFileURL(path, options);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
