'use strict';

// util.parseEnv: the .env format as Node 23.5 reads it (the same rules as
// --env-file). The scanner keeps Node's exact behaviour, quirks included:
// only spaces are trimmed, `#` starts a comment only on lines that end with a
// newline, and after a value that ends the input (or a quoted value with
// nothing after it) scanning resumes inside that value.

function trimSpaces(text) {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

function parseEnv(input) {
  const store = { __proto__: null };
  let content = trimSpaces(input.replaceAll('\r', ''));
  while (content.length !== 0) {
    // Blank lines and comment lines.
    if (content[0] === '\n' || content[0] === '#') {
      const newline = content.indexOf('\n');
      if (newline !== -1) {
        content = content.slice(newline + 1);
        continue;
      }
    }
    const equal = content.indexOf('=');
    if (equal === -1) break;
    let key = trimSpaces(content.slice(0, equal));
    content = content.slice(equal + 1);
    if (content.length === 0 || content[0] === '\n') {
      store[key] = '';
      continue;
    }
    content = trimSpaces(content);
    if (key.length === 0) break;
    if (key.startsWith('export ')) key = key.slice(7);
    if (content.length === 0) {
      store[key] = '';
      break;
    }

    const quote = content[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closing = content.indexOf(quote, 1);
      if (closing === -1) {
        // No closing quote: the rest of the line, quote included.
        const newline = content.indexOf('\n');
        if (newline === -1) break;
        store[key] = content.slice(0, newline);
        content = content.slice(newline);
      } else {
        let value = content.slice(1, closing);
        // Double quotes turn the two characters "\n" into a newline.
        if (quote === '"') value = value.replaceAll('\\n', '\n');
        store[key] = value;
        const newline = content.indexOf('\n', closing + 1);
        if (newline !== -1) content = content.slice(newline);
      }
      continue;
    }

    const newline = content.indexOf('\n');
    let value;
    if (newline !== -1) {
      value = content.slice(0, newline);
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      content = content.slice(newline);
    } else {
      value = content;
    }
    store[key] = trimSpaces(value);
  }
  // Node keeps the pairs in a sorted map: keys come out in code-unit order.
  const result = {};
  for (const key of Object.keys(store).sort()) result[key] = store[key];
  return result;
}

module.exports = { parseEnv };
