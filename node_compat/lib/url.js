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
  pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const { Url, urlParse, urlResolve, urlResolveObject, urlFormatObject } = require('internal/url/legacy');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURLInstance(urlObject)) {
    return formatURL(urlObject, options);
  }
  return urlFormatObject(urlObject);
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
