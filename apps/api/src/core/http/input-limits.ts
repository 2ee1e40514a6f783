import { DomainException } from './domain.exception';

/** How deeply objects and arrays may nest in any request body (JSON or the multipart `payload`). Our DTOs need < 6. */
export const MAX_INPUT_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when JSON text nests objects/arrays deeper than `max`: one pass over the raw bytes, counting brackets outside
 * strings, before JSON.parse (so a megabyte of `[[[[…` costs a millisecond, not a parse and a stack overflow later).
 * Safe on UTF-8 bytes: the ASCII bytes it looks for never occur inside a multi-byte sequence.
 */
export const jsonNestsDeeperThan = (text: Uint8Array | string, max = MAX_INPUT_DEPTH): boolean => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
};

export const inputTooDeep = (field: string): DomainException => {
  const reason = `must not nest objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`;
  return new DomainException('INPUT_TOO_DEEP', `Invalid input: ${field} ${reason}`, [{ field, reasons: [reason] }]);
};

// A NUL, or a UTF-16 surrogate that is not part of a pair (Postgres text cannot store either; encodeURI throws on the latter).
const FORBIDDEN_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenCharacter = (text: string): boolean => FORBIDDEN_CHARACTER.test(text);

const forbiddenCharacter = (field: string): DomainException => {
  const reason = 'must not contain NUL characters or unpaired UTF-16 surrogates';
  return new DomainException('VALIDATION_FAILED', `Invalid input: ${field}`, [{ field, reasons: [reason] }]);
};

/**
 * The edge check of parsed input (JSON body, query string, multipart fields): every string value and every key is free
 * of NUL and lone surrogates, and nothing nests deeper than MAX_INPUT_DEPTH. Iterative, so hostile input cannot blow
 * the stack. Returns the refusal naming the first offending field (dotted path, as class-validator errors), or null.
 */
export const inputProblem = (value: unknown, prefix = ''): DomainException | null => {
  const stack: { value: unknown; path: string; depth: number }[] = [{ depth: 0, path: prefix, value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (hasForbiddenCharacter(item.value)) return forbiddenCharacter(item.path || 'body');
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH) return inputTooDeep(item.path || 'body');
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (hasForbiddenCharacter(key)) return forbiddenCharacter(path);
      stack.push({ depth: item.depth + 1, path, value: child });
    }
  }
  return null;
};
