// Zeek's tab-separated logs: `#separator` (written with \x escapes), `#set_separator`,
// `#empty_field`, `#unset_field`, `#path`, `#fields`, `#types`, `#open`/`#close` header lines,
// then one record per line. On each `#fields` line the mapping is resolved to column positions,
// so a data line is split once and only the mapped columns are read. Set and vector columns are
// split on the set separator; unset and empty fields are absent.
import type { CompiledMapping } from '../mapping.js';
import { buildScos, emptyRoleSlots, ROLE_SETTERS } from '../observables.js';
import type { FieldRole, RoleSlots } from '../observables.js';
import { parseEventTime } from '../time.js';
import { bad, SKIP } from './reader.js';
import type { LineReader, LineResult } from './reader.js';

interface Column {
  readonly index: number;
  readonly isSet: boolean;
}

interface Layout {
  readonly width: number;
  readonly timestamp: readonly Column[];
  readonly roles: readonly { readonly set: (values: RoleSlots, list: unknown[]) => void; readonly columns: readonly Column[] }[];
}

const unescape = (text: string): string => text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export function zeekTsvReader(source: string, mapping: CompiledMapping): LineReader {
  let separator = '\t';
  let setSeparator = ',';
  let emptyField = '(empty)';
  let unsetField = '-';
  let fields: string[] | undefined;
  let types: string[] = [];
  let layout: Layout | undefined;

  const resolve = (): Layout | undefined => {
    if (fields === undefined) return undefined;
    const columnsOf = (paths: readonly { flat: string }[]): Column[] =>
      paths.flatMap((p) => {
        const index = (fields as string[]).indexOf(p.flat);
        const type = types[index] ?? '';
        return index < 0 ? [] : [{ index, isSet: type.startsWith('set[') || type.startsWith('vector[') }];
      });
    return {
      width: fields.length,
      timestamp: columnsOf(mapping.timestamp),
      roles: mapping.roles
        .map(([role, paths]: readonly [FieldRole, readonly { flat: string }[]]) => ({ set: ROLE_SETTERS[role], columns: columnsOf(paths) }))
        .filter((r) => r.columns.length > 0),
    };
  };

  const header = (line: string): LineResult => {
    if (line.startsWith('#separator ')) {
      separator = unescape(line.slice('#separator '.length));
      return SKIP;
    }
    const parts = line.split(separator);
    const name = parts[0];
    const rest = parts.slice(1);
    if (name === '#set_separator') setSeparator = rest[0] ?? setSeparator;
    else if (name === '#empty_field') emptyField = rest[0] ?? emptyField;
    else if (name === '#unset_field') unsetField = rest[0] ?? unsetField;
    else if (name === '#fields') {
      fields = rest;
      types = [];
      layout = resolve();
    } else if (name === '#types') {
      types = rest;
      layout = resolve();
    }
    return SKIP;
  };

  /** Appends the column's value(s) to `into` (created when first needed); returns the list. */
  const value = (raw: string | undefined, column: Column, into: unknown[] | undefined): unknown[] | undefined => {
    if (raw === undefined || raw === unsetField || raw === emptyField || raw === '') return into;
    const list = into ?? [];
    if (column.isSet) for (const item of raw.split(setSeparator)) list.push(item);
    else list.push(raw);
    return list;
  };

  return {
    read(line: string, lineNumber: number): LineResult {
      if (line.length === 0) return SKIP;
      if (line.charCodeAt(0) === 35 /* # */) return header(line);
      if (layout === undefined) return bad('data line before the #fields header');
      const cells = line.split(separator);
      if (cells.length !== layout.width) return bad(`${cells.length} columns where #fields declares ${layout.width}`);
      let stamp: unknown[] | undefined;
      for (const column of layout.timestamp) stamp = value(cells[column.index], column, stamp);
      const micros = parseEventTime(stamp?.[0]);
      if (micros === undefined) return bad(stamp === undefined ? 'no timestamp field' : `unreadable timestamp ${JSON.stringify(stamp[0])}`);
      const values = emptyRoleSlots();
      const roles = layout.roles;
      for (let r = 0; r < roles.length; r++) {
        const role = roles[r] as Layout['roles'][number];
        let found: unknown[] | undefined;
        for (let c = 0; c < role.columns.length; c++) {
          const column = role.columns[c] as Column;
          found = value(cells[column.index], column, found);
        }
        if (found !== undefined) role.set(values, found);
      }
      return { kind: 'event', event: { time: micros, scos: buildScos(values), source, line: lineNumber } };
    },
  };
}
