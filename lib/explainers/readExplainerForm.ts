import { formField, type FormFields } from '@/lib/shared';
import type { ExplainerInput } from './schemas';

/// Splits a box of names or words on new lines, commas and 、.
const list = (text: string) => text.split(/[\n,，、;；]+/).map((s) => s.trim()).filter(Boolean);

/// The content editor's form as typed: the regulations and topics one per line (or separated by
/// 、), the citations ticked as meant to name nothing here.
export function readExplainerForm(form: FormFields & { getAll?(name: string): unknown[] }): { id: string; intent: string; input: ExplainerInput } {
  const intended = form.getAll ? form.getAll('intended').filter((v): v is string => typeof v === 'string') : [];
  return {
    id: formField(form, 'id'),
    intent: formField(form, 'intent'),
    input: {
      kind: formField(form, 'kind') as ExplainerInput['kind'],
      title: formField(form, 'title'),
      summary: formField(form, 'summary'),
      body: formField(form, 'body'),
      topics: list(formField(form, 'topics')),
      regulations: list(formField(form, 'regulations')),
      asOf: formField(form, 'asOf'),
      intendedCitations: intended,
    },
  };
}
