// Scans one text stream of events: splits it into lines, recognises the format from the first
// non-blank line when none was given, reads each line into an event and feeds the detector. Bad
// lines are counted (the first few kept as examples) and never stop the scan.
import { SetuError } from '../errors/index.js';
import type { Detector, Hit } from './detector.js';
import { createReader, recogniseFormat } from './formats/formats.js';
import type { EventFormat } from './formats/formats.js';
import type { LineReader } from './formats/reader.js';
import type { FieldMapping } from './mapping.js';

export interface BadLine {
  readonly source: string;
  readonly line: number;
  readonly reason: string;
}

export interface StreamSummary {
  readonly source: string;
  /** Undefined for an empty stream whose format was not given. */
  readonly format: EventFormat | undefined;
  readonly lines: number;
  readonly events: number;
  readonly badLines: number;
  readonly badExamples: readonly BadLine[];
}

export interface ScanStreamOptions {
  readonly source: string;
  readonly chunks: AsyncIterable<string | Buffer>;
  readonly format?: EventFormat | undefined;
  readonly mapping?: FieldMapping | undefined;
  readonly detector: Detector;
  readonly onHit: (hit: Hit) => void;
  /** Called with the byte length of each chunk read (progress). */
  readonly onChunk?: (bytes: number) => void;
  /** How many bad lines to keep as examples (default 20). */
  readonly badExamples?: number;
}

export async function scanStream(options: ScanStreamOptions): Promise<StreamSummary> {
  const { source, detector, onHit } = options;
  const keepBad = options.badExamples ?? 20;
  let format = options.format;
  let reader: LineReader | undefined = format === undefined ? undefined : createReader(format, source, options.mapping);
  let lines = 0;
  let events = 0;
  let badLines = 0;
  const badExamples: BadLine[] = [];

  const handle = (raw: string): void => {
    lines++;
    const line = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (reader === undefined) {
      if (line.trim() === '') return;
      format = recogniseFormat(line);
      if (format === undefined) {
        throw new SetuError('SETU_ERR_DETECT_UNKNOWN_FORMAT', `${source}: cannot tell the event format from its first line; pass --format`, { source });
      }
      reader = createReader(format, source, options.mapping);
    }
    const result = reader.read(line, lines);
    if (result.kind === 'event') {
      events++;
      detector.observe(result.event, onHit);
    } else if (result.kind === 'bad') {
      badLines++;
      if (badExamples.length < keepBad) badExamples.push({ source, line: lines, reason: result.reason });
    }
  };

  let rest = '';
  for await (const chunk of options.chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    options.onChunk?.(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    const all = rest === '' ? text : rest + text;
    let start = 0;
    let newline = all.indexOf('\n', start);
    while (newline !== -1) {
      handle(all.slice(start, newline));
      start = newline + 1;
      newline = all.indexOf('\n', start);
    }
    rest = start === 0 ? all : all.slice(start);
  }
  if (rest !== '') handle(rest);
  return { source, format, lines, events, badLines, badExamples };
}
