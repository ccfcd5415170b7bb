/// What a 修改对照表 export needs besides the comparison: the document title (e.g.
/// 《北京市审计条例》修改对照表), the two column headings (修改前 / 修改后), whether to show
/// unchanged articles too, and the time stamped into the file's properties (default: now).
export interface ComparisonExportOptions {
  title: string;
  beforeHeading: string;
  afterHeading: string;
  all?: boolean;
  generatedAt?: Date;
}

/// Colours of changed text, always paired with a line (struck through or underlined) so that
/// the change shows in black-and-white print and to readers who do not see colour.
export const markColours = { delete: '9B1C1C', insert: '1A4B8C' } as const;
