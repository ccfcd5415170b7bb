/// A byte stream of text pieces drawn one at a time as the reader asks for more, so a long export
/// is produced at the pace it is sent and never held whole. The pieces may come from a generator
/// that awaits (a query per batch) or from a plain one.
export function textStream(pieces: Iterator<string> | AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return?.();
    },
  });
}
