/// What looks like a way to identify a person in text that should hold none.
export type PersonalDataKind = 'id_card' | 'mobile' | 'landline' | 'email' | 'bank_card';

const patterns: [PersonalDataKind, RegExp][] = [
  ['id_card', /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dXx])/],
  ['mobile', /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/],
  ['landline', /(?<!\d)0\d{2,3}[- ]\d{7,8}(?!\d)/],
  ['email', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ['bank_card', /(?<!\d)(?:62|4\d|5[1-5])\d{14,17}(?!\d)/],
];

/// The kinds of personal data a text seems to hold (an ID-card number, a phone number, an e-mail
/// address, a bank card number): a warning for the volunteer, never a refusal.
export function personalDataIn(text: string): PersonalDataKind[] {
  return patterns.filter(([, p]) => p.test(text)).map(([kind]) => kind);
}
