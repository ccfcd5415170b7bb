import type { ParseJson } from '@/lib/legal-text';
import type { LifecycleEventKind, RegulationKind, VersionChange } from '@/lib/shared';

export type { LifecycleEventKind };

/// What happened to a regulation on a date, as publication records it (and as the library's
/// status, timeline and "as in force on" views are computed from). `versionSeq` names the
/// version an adoption, amendment or effect belongs to.
export interface LifecycleEvent {
  kind: LifecycleEventKind;
  /// `YYYY-MM-DD`.
  on: string;
  body?: string | null;
  versionSeq?: number | null;
}

/// The 公告 (promulgation notice) printed with a published version.
export interface PromulgationNotice {
  /// 第N号
  number: number;
  /// The body that issued it, e.g. 东营市人民代表大会常务委员会.
  body: string;
  /// The whole notice as printed, lines separated by `\n` (title line first: …公告 / 第N号).
  text: string;
}

/// Everything an export of one version of a regulation needs: the work, the version, its text
/// (the `parse` JSON, with eids) and, when it was promulgated here, its 公告. Pure data: every
/// exporter is a function of this and nothing else.
export interface ExportableVersion {
  regulation: {
    id: string;
    slug: string;
    title: string;
    kind: RegulationKind;
    /// e.g. 东营市 (null when unknown).
    region: string | null;
    enactingBody: string | null;
    approvingBody: string | null;
    /// The 公告 number of its first text, when that was promulgated here: the number in the work
    /// IRI, which stays the same for every later version.
    workNumber?: number | null;
  };
  version: {
    id: string;
    /// 1 for the first text, 2 for the first amendment …
    seq: number;
    change: VersionChange;
    adoptedOn: string | null;
    approvedOn: string | null;
    promulgatedOn: string | null;
    effectiveOn: string | null;
    /// The header lines printed under the title (题注), e.g. "（2017年8月31日 …通过）".
    infoLines: string[];
  };
  text: ParseJson;
  notice: PromulgationNotice | null;
  /// All events of the regulation in date order (the AKN `<lifecycle>`).
  events: LifecycleEvent[];
}
