/**
 * What turns the project's portable SQL into PostgreSQL's: `?` placeholders become `$1, $2, …`,
 * and a portable migration's column types become the PostgreSQL types that keep SQLite's meaning.
 * Both walk the text with the same small lexer, so nothing inside a string literal, a quoted
 * identifier, a comment or a dollar-quoted body is ever touched.
 */

type Piece = { code: true; text: string } | { code: false; text: string };

/** Splits SQL into code and the parts that are not code (literals, quoted names, comments, `$$` bodies). */
function pieces(sql: string): Piece[] {
  const out: Piece[] = [];
  let code = '';
  let i = 0;
  const flush = () => {
    if (code) out.push({ code: true, text: code });
    code = '';
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const end = skipQuoted(sql, i);
    if (end > i) {
      flush();
      out.push({ code: false, text: sql.slice(i, end) });
      i = end;
      continue;
    }
    code += c;
    i++;
  }
  flush();
  return out;
}

/** The index just past the literal, quoted identifier, comment or dollar-quoted body at `i`, or `i` when none starts there. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    // A doubled quote inside is an escaped quote, not the end.
    let j = i + 1;
    for (;;) {
      const k = sql.indexOf(c, j);
      if (k < 0) return sql.length;
      if (sql[k + 1] === c) j = k + 2;
      else return k + 1;
    }
  }
  if (c === '-' && sql[i + 1] === '-') {
    const k = sql.indexOf('\n', i);
    return k < 0 ? sql.length : k + 1;
  }
  if (c === '/' && sql[i + 1] === '*') {
    const k = sql.indexOf('*/', i + 2);
    return k < 0 ? sql.length : k + 2;
  }
  if (c === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
    // `$1` is a parameter, and a `$` inside an identifier is not a quote.
    if (tag && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      const k = sql.indexOf(tag[0], i + tag[0].length);
      return k < 0 ? sql.length : k + tag[0].length;
    }
  }
  return i;
}

const numbered = new Map<string, string>();
const NUMBERED_CACHE_MAX = 5_000;

/**
 * `?` placeholders → `$1, $2, …`, outside literals and comments. Statements are mostly constant
 * strings, so translations are kept (bounded: statements built with a varying number of `?` come
 * and go).
 *
 * @example
 * toNumberedPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?'") // "SELECT * FROM t WHERE a = $1 AND b = '?'"
 */
export function toNumberedPlaceholders(sql: string): string {
  const hit = numbered.get(sql);
  if (hit !== undefined) return hit;
  let n = 0;
  const text = sql.includes('?')
    ? pieces(sql)
        .map((p) => (p.code ? p.text.replace(/\?/g, () => `$${++n}`) : p.text))
        .join('')
    : sql;
  if (numbered.size >= NUMBERED_CACHE_MAX) numbered.clear();
  numbered.set(sql, text);
  return text;
}

/**
 * A portable migration's SQL as PostgreSQL should run it: SQLite's INTEGER is 64-bit, REAL is a
 * double and BLOB is bytes, so they become BIGINT, DOUBLE PRECISION and BYTEA (PostgreSQL's
 * INTEGER and REAL are 32-bit, and it has no BLOB). Migrations that give a `postgres` form are
 * taken as written.
 */
export function portableDdlForPostgres(sql: string): string {
  return pieces(sql)
    .map((p) =>
      p.code
        ? p.text
            .replace(/\bINTEGER\b/gi, 'BIGINT')
            .replace(/\bREAL\b/gi, 'DOUBLE PRECISION')
            .replace(/\bBLOB\b/gi, 'BYTEA')
        : p.text,
    )
    .join('');
}
