import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import type { Promulgation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { getConsultationReport, reportDocument } from '@/lib/consultation';
import { amendmentFile } from './amendmentDocument';
import { exportVersionDocx } from './exports/exportVersionDocx';
import { exportVersionPdf } from './exports/exportVersionPdf';
import { loadExportable } from './loadExportable';

/// One file of a filing package as its manifest lists it.
export interface PackageFile {
  name: string;
  what: string;
  bytes: number;
  sha256: string;
}

/// The filing package (备案材料) of a published bill as a ZIP: the 公告, the text as PDF and Word,
/// the 起草说明 (the explanation published with the consultation draft), for an amendment the
/// 修改决定 and the 修改对照表, the 征求意见情况 report, and `manifest.json` with the SHA-256 of each.
export async function buildFilingPackage(engine: Engine, p: Promulgation): Promise<{ zip: Uint8Array; files: PackageFile[] }> {
  // The version published is the one in force from its effective date.
  const exportable = await loadExportable(engine, p.regulationId, { at: p.effectiveOn });
  const title = exportable.text.title;
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const parts: { name: string; what: string; body: Uint8Array }[] = [
    { name: '01-公告.txt', what: '公告', body: utf8(`${p.noticeText}\n`) },
    { name: `02-${title}.pdf`, what: '正文（PDF）', body: await exportVersionPdf(exportable) },
    { name: `03-${title}.docx`, what: '正文（Word）', body: await exportVersionDocx(exportable) },
  ];
  const { consultations } = engine.t;
  const [consultation] = p.consultationId ? await engine.db.select().from(consultations).where(eq(consultations.id, p.consultationId)).limit(1) : [];
  if (consultation?.explanation.trim()) parts.push({ name: '04-起草说明.txt', what: '起草说明', body: utf8(`关于《${title}》的起草说明\n\n${consultation.explanation.trim()}\n`) });
  if (p.decision) {
    parts.push({ name: '05-修改决定.docx', what: '修改决定', body: await amendmentFile(p, title, 'decision', 'docx') });
    parts.push({ name: '05-修改决定.txt', what: '修改决定（文本）', body: await amendmentFile(p, title, 'decision', 'txt') });
  }
  if (p.comparison) parts.push({ name: '06-修改对照表.docx', what: '修改对照表', body: await amendmentFile(p, title, 'comparison', 'docx') });
  if (consultation) {
    const report = await reportDocument(await getConsultationReport(engine, consultation.id), 'pdf');
    parts.push({ name: '07-征求意见情况.pdf', what: '征求意见情况通报', body: report.body });
  }
  const files = parts.map((f) => ({ name: f.name, what: f.what, bytes: f.body.byteLength, sha256: createHash('sha256').update(f.body).digest('hex') }));
  const zip = new JSZip();
  const fixed = new Date(Date.UTC(2000, 0, 1));
  for (const f of parts) zip.file(f.name, f.body, { date: fixed });
  const manifest = { title, announcement: `${p.body}公告第${p.number}号`, promulgatedOn: p.promulgatedOn, effectiveOn: p.effectiveOn, files };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date: fixed });
  return { zip: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), files };
}

/// The publication of a bill, if it has been published.
export async function findPromulgation({ db, t }: Engine, billId: string): Promise<Promulgation | null> {
  const [row] = await db.select().from(t.promulgations).where(eq(t.promulgations.billId, billId)).limit(1);
  return row ?? null;
}
