/// A message of a catalogue: a template with `{name}` placeholders, or the forms of one whose
/// wording depends on a number (English "1 comment" / "2 comments").
export type Message = string | PluralMessage;

/// The forms of a message by the plural category (`Intl.PluralRules`: zero, one, two, few, many,
/// other) of one number among its vars: `{ one: '{n} comment', other: '{n} comments' }`.
/// The deciding number is the var named by `$count`, else `n`, else `count`. `other` is required,
/// as every language has it; a category the entry leaves out falls back to it. A form may itself
/// be a PluralMessage deciding on another var, for a message that counts more than one noun.
export interface PluralMessage {
  $count?: string;
  zero?: Message;
  one?: Message;
  two?: Message;
  few?: Message;
  many?: Message;
  other: Message;
}

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/// The template of `message` that fits the numbers in `vars`: a plain string as it is; for plural
/// forms, the form of `new Intl.PluralRules(locale).select(count)`, with count the var the entry
/// names in `$count`, else `n`, else `count`. A var that is missing or not a number picks `other`.
export function selectPluralForm(locale: string, message: Message, vars: Record<string, string | number>): string {
  let form = message;
  while (typeof form !== 'string') {
    const name = form.$count ?? ('n' in vars ? 'n' : 'count');
    const count = name in vars && vars[name] !== '' ? Number(vars[name]) : NaN;
    const category = Number.isFinite(count) ? pluralRules(locale).select(count) : 'other';
    form = form[category] ?? form.other;
  }
  return form;
}
