/// The ways an input can be unusable before any structure is read from it.
export type LegalTextErrorCode = 'empty_file' | 'binary_file' | 'bad_encoding' | 'bad_docx';

/// An input that cannot be turned into text at all; `code` says why so that a caller (the CLI,
/// an upload route) can answer with a precise message instead of a stack trace.
export class LegalTextError extends Error {
  readonly code: LegalTextErrorCode;

  constructor(code: LegalTextErrorCode, message: string) {
    super(message);
    this.name = 'LegalTextError';
    this.code = code;
  }
}
