// A terminal as cli-progress sees one (isTTY, a width), recording what is drawn on it, for the
// progress-bar tests of the CLI commands.
import { Writable } from 'node:stream';

export function fakeTerminal(columns = 160): { stream: NodeJS.WritableStream; drawn: () => string } {
  let drawn = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      drawn += chunk.toString();
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns });
  return { stream, drawn: () => drawn };
}
