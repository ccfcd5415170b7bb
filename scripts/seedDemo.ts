import { closeEngine, prepareDatabase } from '@/db/engine';
import { seedConsultation, seedDemoData, seedExplainers, seedLibrary, seedPublication, seedWorkflow } from '@/lib/demo';

/// Migrates the process's database (PostgreSQL at `DATABASE_URL` when set, else SQLite at
/// `DATABASE_PATH`) and seeds the demo story once (bills at every stage, the library, a
/// consultation, a publication, explainers); says in one line what it did.
/// Used by `npm run demo` and `npm run cluster`.
export async function seedDemo(): Promise<string> {
  const engine = await prepareDatabase();
  const { created } = await seedDemoData(engine);
  const { imported } = await seedLibrary(engine);
  const consultation = await seedConsultation(engine);
  const workflow = await seedWorkflow(engine);
  const publication = await seedPublication(engine);
  const content = await seedExplainers(engine);
  await closeEngine();
  const anything = created.length || imported.length || consultation.created || workflow.created.length || publication.created.length || content.created.length;
  if (!anything) return 'demo data already present';
  return `seeded ${created.length} demo accounts, ${imported.length} library texts${consultation.created ? ', an open consultation' : ''}${workflow.created.length ? `, ${workflow.created.length} bills at other stages` : ''}${publication.created.length ? ', an amendment published and filed' : ''}${content.created.length ? ` and ${content.created.length} explainers` : ''}`;
}
