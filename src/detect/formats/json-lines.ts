// JSON-lines input (Zeek JSON, Suricata eve.json, ECS, or any JSON through a mapping file): each
// line is one JSON object, mapped to role values by a field mapping and then to SCOs.
import { applyMapping } from '../mapping.js';
import type { CompiledMapping } from '../mapping.js';
import { buildScos } from '../observables.js';
import { parseEventTime } from '../time.js';
import { bad, SKIP } from './reader.js';
import type { LineReader, LineResult } from './reader.js';

export function jsonLinesReader(source: string, mapping: CompiledMapping): LineReader {
  return {
    read(line: string, lineNumber: number): LineResult {
      if (line.length === 0 || line.trim() === '') return SKIP;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return bad('not valid JSON');
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) return bad('not a JSON object');
      const { time, values } = applyMapping(mapping, record as Record<string, unknown>);
      const micros = parseEventTime(time);
      if (micros === undefined) return bad(time === undefined ? 'no timestamp field' : `unreadable timestamp ${JSON.stringify(time)}`);
      return { kind: 'event', event: { time: micros, scos: buildScos(values), source, line: lineNumber } };
    },
  };
}
