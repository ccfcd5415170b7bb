import { closeDatabase, getDatabase } from '@/db/client';
import { seedConsultation, seedDemoData, seedExplainers, seedLibrary, seedPublication, seedWorkflow } from '@/lib/demo';

/// Migrates the database at `DATABASE_PATH` and seeds the demo story once (bills at every stage,
/// the library, a consultation, a publication, explainers); says in one line what it did.
/// Used by `npm run demo` and `npm run cluster`.
export async function seedDemo(): Promise<string> {
  getDatabase();
  const { created } = await seedDemoData();
  const { imported } = await seedLibrary();
  const consultation = await seedConsultation();
  const workflow = await seedWorkflow();
  const publication = await seedPublication();
  const content = await seedExplainers();
  closeDatabase();
  const anything = created.length || imported.length || consultation.created || workflow.created.length || publication.created.length || content.created.length;
  if (!anything) return 'demo data already present';
  return `seeded ${created.length} demo accounts, ${imported.length} library texts${consultation.created ? ', an open consultation' : ''}${workflow.created.length ? `, ${workflow.created.length} bills at other stages` : ''}${publication.created.length ? ', an amendment published and filed' : ''}${content.created.length ? ` and ${content.created.length} explainers` : ''}`;
}
