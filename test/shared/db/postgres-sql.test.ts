import { describe, expect, it } from 'vitest';
import { portableDdlForPostgres, toNumberedPlaceholders } from '../../../shared/db/postgres-sql.ts';

describe('toNumberedPlaceholders', () => {
  it('numbers the ? placeholders in order', () => {
    expect(toNumberedPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });

  it('leaves a ? inside string literals, quoted names and comments alone', () => {
    expect(toNumberedPlaceholders("SELECT 'why?', 'it''s ?', \"odd?name\" FROM t -- really?\nWHERE a = ? /* or ? */ AND b = ?")).toBe(
      "SELECT 'why?', 'it''s ?', \"odd?name\" FROM t -- really?\nWHERE a = $1 /* or ? */ AND b = $2",
    );
  });

  it('leaves dollar-quoted bodies alone and does not take a $n parameter for a quote', () => {
    expect(toNumberedPlaceholders('SELECT $$ ? $$, $tag$ ? $tag$, ?')).toBe('SELECT $$ ? $$, $tag$ ? $tag$, $1');
    expect(toNumberedPlaceholders('SELECT a$b, ? FROM t')).toBe('SELECT a$b, $1 FROM t');
  });

  it('answers the same text again from its cache, and SQL without ? unchanged', () => {
    const sql = 'UPDATE t SET n = n + 1 WHERE id = ?';
    expect(toNumberedPlaceholders(sql)).toBe(toNumberedPlaceholders(sql));
    expect(toNumberedPlaceholders('SELECT 1')).toBe('SELECT 1');
  });
});

describe('portableDdlForPostgres', () => {
  it('gives INTEGER, REAL and BLOB the PostgreSQL types of the same size', () => {
    expect(portableDdlForPostgres('CREATE TABLE t (n INTEGER NOT NULL, x real, b BLOB, real_name TEXT)')).toBe(
      'CREATE TABLE t (n BIGINT NOT NULL, x DOUBLE PRECISION, b BYTEA, real_name TEXT)',
    );
  });

  it('does not touch the words inside literals and comments', () => {
    expect(portableDdlForPostgres("CREATE TABLE t (kind TEXT CHECK (kind IN ('INTEGER', 'BLOB'))) -- REAL")).toBe(
      "CREATE TABLE t (kind TEXT CHECK (kind IN ('INTEGER', 'BLOB'))) -- REAL",
    );
  });
});
