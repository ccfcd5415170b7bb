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
