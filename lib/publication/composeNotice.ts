import { chineseDate, type RegulationKind } from '@/lib/shared';

/// What a 公告 states: who issues it and its number, what is promulgated, who adopted and
/// approved it and when, and the day it takes effect.
export interface NoticeFacts {
  kind: RegulationKind;
  number: number;
  /// The issuing body, e.g. 东营市人民代表大会常务委员会 or 东营市人民政府.
  body: string;
  /// The title promulgated: the regulation's, or for an amendment the decision's (关于修改《…》的决定).
  promulgatedTitle: string;
  /// The meeting that adopted it, e.g. 东营市第八届人民代表大会常务委员会第五次会议 (the body when not given).
  adoptingMeeting?: string | null;
  adoptedOn: string;
  /// The approving meeting, e.g. 山东省第十三届人民代表大会常务委员会第十次会议, for a regulation.
  approvingBody?: string | null;
  approvedOn?: string | null;
  promulgatedOn: string;
  effectiveOn: string;
  /// Set for a decision: 《…》根据本决定作相应修改，重新公布 is said of this title.
  amends?: string | null;
}

/// The title of a notice as printed: the issuing body followed by 公告 (for a government rule, 令).
export function noticeHeading(kind: RegulationKind, body: string): string {
  return kind === 'government_rule' ? `${body}令` : `${body}公告`;
}

/// The 公告 in the standard form, lines separated by `\n`: the heading, 第N号, the one-sentence
/// body (《…》已由…于…通过，…于…批准，现予公布，自…起施行。), then the body's name and the date
/// of promulgation.
export function composeNotice(f: NoticeFacts): string {
  const title = `《${f.promulgatedTitle.replace(/^《|》$/g, '')}》`;
  const meeting = f.adoptingMeeting?.trim() || f.body;
  const adopted = f.kind === 'government_rule' ? `已经${chineseDate(f.adoptedOn)}${meeting}通过` : `已由${meeting}于${chineseDate(f.adoptedOn)}通过`;
  const approved = f.approvingBody && f.approvedOn ? `，${f.approvingBody}于${chineseDate(f.approvedOn)}批准` : '';
  const republished = f.amends ? `《${f.amends}》根据本决定作相应修改，重新公布。` : '';
  return [
    noticeHeading(f.kind, f.body),
    `第${f.number}号`,
    `${title}${adopted}${approved}，现予公布，自${chineseDate(f.effectiveOn)}起施行。${republished}`,
    f.body,
    chineseDate(f.promulgatedOn),
  ].join('\n');
}
