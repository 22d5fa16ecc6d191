// Every string of the console is in web/locales/{en,ja,hi}.json: a key the source uses but a
// language lacks, a key no source uses, a dynamic key (which no scan can check), an empty text or a
// placeholder one language drops all fail here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = new URL('../../web/', import.meta.url).pathname;
const LANGUAGES = ['en', 'ja', 'hi'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof inner === 'string') out.set(path, inner);
    else for (const [k, v] of flatten(inner, path)) out.set(k, v);
  }
  return out;
}

const locale = (language: string) => flatten(JSON.parse(readFileSync(join(WEB, 'locales', `${language}.json`), 'utf8')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function usedKeys(): { keys: Set<string>; dynamic: string[] } {
  const keys = new Set<string>();
  const dynamic: string[] = [];
  for (const file of sources(join(WEB, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) keys.add(match[2]!);
    for (const match of text.matchAll(/\bt\(\s*(?!['"])([^)]{0,40})/g)) dynamic.push(`${file.slice(WEB.length)}: t(${match[1]}`);
  }
  return { keys, dynamic };
}

test('the console calls t() with literal keys only', () => {
  assert.deepEqual(usedKeys().dynamic, []);
});

test('every key the console uses is in every language', () => {
  const { keys } = usedKeys();
  assert.ok(keys.size > 40, `found ${keys.size} keys`);
  for (const language of LANGUAGES) {
    const texts = locale(language);
    const missing = [...keys].filter((key) => !texts.has(key));
    assert.deepEqual(missing, [], `missing in ${language}.json`);
  }
});

test('every key of every language is used by the console', () => {
  const { keys } = usedKeys();
  for (const language of LANGUAGES) {
    const unused = [...locale(language).keys()].filter((key) => !keys.has(key));
    assert.deepEqual(unused, [], `unused in ${language}.json`);
  }
});

test('the languages hold the same keys, no empty text, and the same placeholders', () => {
  const english = locale('en');
  for (const language of LANGUAGES) {
    const texts = locale(language);
    assert.deepEqual([...texts.keys()].sort(), [...english.keys()].sort(), language);
    for (const [key, text] of texts) {
      assert.notEqual(text.trim(), '', `${language}: ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(english.get(key)!), `${language}: ${key} placeholders`);
    }
  }
});

test('Japanese and Hindi are translations, not copies of English', () => {
  const english = locale('en');
  for (const language of ['ja', 'hi'] as const) {
    const script = language === 'ja' ? /[\u3040-\u30ff\u4e00-\u9fff]/ : /[\u0900-\u097f]/;
    const untranslated = [...locale(language)].filter(([key, text]) => text === english.get(key) || !script.test(text)).map(([key]) => key);
    assert.deepEqual(untranslated, [], `${language}: texts not in its script`);
  }
});
