import { PassportError } from '../../shared/errors.ts';
import { assertJsonDepth, MAX_JSON_DEPTH } from '../../shared/json/index.ts';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT, QUOTE, BACKSLASH, COMMA] = [0x5b, 0x5d, 0x7b, 0x7d, 0x22, 0x5c, 0x2c];

/** A JSON array kept as its UTF-8 bytes, its items parsed one at a time when asked for. */
export interface JsonArrayBytes {
  length: number;
  /** Item `i`, parsed now: nothing of it is kept here. */
  item(i: number): unknown;
}

/**
 * Reads a batch's JSON body (UTF-8 bytes) without making it one string and one tree of objects:
 * the text of 10,000 rows would be a 2 MB large object and its parsed rows some 2.5 MB more, all
 * living through the whole request and so promoted to V8's old generation, where they lie until a
 * full collection (docs/performance.md). Instead the array's items are found in the bytes and each
 * is parsed when its row is checked, and dropped with it.
 *
 * The whole body is still checked before anything is recorded, as `express.json` did: every item
 * is parsed once here (and let go) so a syntax error anywhere, or a body nested deeper than
 * `MAX_JSON_DEPTH`, refuses the batch with `invalid_request`. A body
 * that is valid JSON but not an array is returned parsed, for the caller to refuse.
 */
export function readJsonArray(bytes: Buffer): JsonArrayBytes | { value: unknown } {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && SPACE.has(bytes[i]!)) i++;
  // An empty body is read as `{}`, as `express.json` reads it.
  if (i === bytes.length) return { value: {} };
  if (bytes[i] !== OPEN_ARRAY) return { value: parseText(bytes.toString('utf8', i)) };
  const starts: number[] = [];
  const ends: number[] = [];
  let start = i + 1;
  let depth = 0;
  let closed = -1;
  for (i = start; i < bytes.length && closed < 0; i++) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      // To the closing quote, past escaped characters (a multi-byte UTF-8 letter never holds " or \).
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
    else if ((byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) && depth > 0) depth--;
    else if (depth === 0 && (byte === COMMA || byte === CLOSE_ARRAY)) {
      starts.push(start);
      ends.push(i);
      start = i + 1;
      if (byte === CLOSE_ARRAY) closed = i;
    } else if (byte === CLOSE_OBJECT) throw notJson('Unexpected "}"');
  }
  if (closed < 0) throw notJson('Unexpected end of the array');
  for (i = closed + 1; i < bytes.length; i++) if (!SPACE.has(bytes[i]!)) throw notJson(`Unexpected data after the array at position ${i}`);
  // `[]` and `[ ]` hold no item (the one "item" found is blank); `[1,]` holds a blank one, which is not JSON.
  if (starts.length === 1 && isBlank(bytes, starts[0]!, ends[0]!)) starts.length = ends.length = 0;
  const item = (n: number) => parseText(bytes.toString('utf8', starts[n], ends[n]));
  // Each item inside an array of its own: the depth counted as in the whole body.
  for (let n = 0; n < starts.length; n++) assertJsonDepth([item(n)], MAX_JSON_DEPTH, 'The request body');
  return { length: starts.length, item };
}

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.has(bytes[i]!)) return false;
  return true;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw notJson((err as Error).message);
  }
}

function notJson(message: string): PassportError {
  return new PassportError('invalid_request', `The request body is not valid JSON: ${message}`);
}
