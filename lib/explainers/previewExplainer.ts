import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError, isAppError } from '@/lib/errors';
import { findRegulationOn } from '@/lib/library';
import { isIsoDate, todayInChina } from '@/lib/shared';
import { renderExplainerBody } from './renderExplainer';
import { resolveCitations, type ResolvedCitation } from './resolveCitations';
import { maxExplainerBody } from './schemas';

/// The editor's live preview: the body rendered as it will show, and its citations resolved,
/// for a writer. Unknown regulations are left out of the context rather than refused.
export async function previewExplainer(engine: Engine, actor: CurrentUser | null, input: { body?: unknown; asOf?: unknown; regulations?: unknown }): Promise<{ html: string; citations: ResolvedCitation[] }> {
  if (!can(actor, 'explainer:write') && !can(actor, 'explainer:review')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_forbidden');
  const body = typeof input.body === 'string' ? input.body : '';
  if (body.length > maxExplainerBody) throw new AppError('validation_failed', 'explainer_body_too_long', { details: { limit: `${maxExplainerBody.toLocaleString('en')} 字` } });
  const asOf = typeof input.asOf === 'string' && isIsoDate(input.asOf) ? input.asOf : todayInChina();
  const named = Array.isArray(input.regulations) ? input.regulations.filter((r): r is string => typeof r === 'string').slice(0, 10) : [];
  const regulations: { id: string; slug: string; title: string }[] = [];
  for (const n of named) {
    try {
      const r = await findRegulationOn(engine, n);
      regulations.push({ id: r.id, slug: r.slug, title: r.title });
    } catch (e) {
      // Unknown: left out of the context. A database that fails is not an unknown regulation.
      if (!isAppError(e)) throw e;
    }
  }
  const row = { body, asOf, regulations };
  return { html: await renderExplainerBody(engine, row), citations: await resolveCitations(engine, body, { asOf, regulationIds: regulations.map((r) => r.id) }) };
}
