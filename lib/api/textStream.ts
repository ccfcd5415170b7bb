/// A byte stream of text pieces drawn one at a time as the reader asks for more, so a long export
/// is produced at the pace it is sent and never held whole; each piece is made synchronously.
export function textStream(pieces: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      pieces.return?.();
    },
  });
}
