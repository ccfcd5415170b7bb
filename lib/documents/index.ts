// Producing the files people take away: Word packages, PDFs with an embedded CJK font, Chinese
// line setting, and the envelope a download travels in. Used by versioning, consultation and
// publication alike; it imports no domain.
export { packDocx } from './packDocx';
export { findCjkFont, type CjkFont } from './cjkFont';
export { openCjkPdf, drawText, drawLine, drawFooters, type PdfDoc } from './cjkPdf';
export { pageFlow, portraitA4, type PageFlow } from './pageFlow';
export { layoutCjkLines, type SetLine, type SetPiece, type SetRun } from './layoutCjkLines';
export { downloadDocument, type DownloadDocument } from './downloadDocument';
export { markColours } from './markColours';
export { isZipArchive, zipEntrySizes, zipLimits } from './zipLimits';
