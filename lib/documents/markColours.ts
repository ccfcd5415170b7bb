/// Colours of changed text, always paired with a line (struck through or underlined) so that
/// the change shows in black-and-white print and to readers who do not see colour.
export const markColours = { delete: '9B1C1C', insert: '1A4B8C' } as const;
