/// A downloadable file: its bytes, media type and file name.
export interface DownloadDocument {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

const mediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/akn+xml; charset=utf-8',
  zip: 'application/zip',
} as const;

/// The file `name.format` with the media type of its format.
export function downloadDocument(body: Uint8Array, format: keyof typeof mediaTypes, name: string): DownloadDocument {
  return { body, contentType: mediaTypes[format], filename: `${name}.${format}` };
}
