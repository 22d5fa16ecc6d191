// A file given to the CLI holds one JSON document (a bundle or an object) or JSON lines (one
// document per line). This tells them apart and labels each document for messages.

export type JsonDocument =
  | { readonly ok: true; readonly label: string; readonly value: unknown; readonly text: string }
  | { readonly ok: false; readonly label: string; readonly error: string };

export function splitJsonDocuments(text: string): JsonDocument[] {
  try {
    return [{ ok: true, label: '$', value: JSON.parse(text), text }];
  } catch (wholeError) {
    const lines = text.split('\n');
    const nonEmpty = lines.filter((line) => line.trim() !== '');
    if (nonEmpty.length < 2) return [{ ok: false, label: '$', error: `not valid JSON: ${(wholeError as Error).message}` }];
    const documents: JsonDocument[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const label = `line ${index + 1}: $`;
      try {
        documents.push({ ok: true, label, value: JSON.parse(line), text: line });
      } catch (error) {
        documents.push({ ok: false, label, error: `not valid JSON: ${(error as Error).message}` });
      }
    });
    return documents;
  }
}
