import { translate, vocabularyLabel } from '@/lib/i18n';
import type { LifecycleEventKind } from '@/lib/shared';

/// The word for an event of a regulation as official Chinese texts write it (通过, 批准, 公布, 施行,
/// 修正, 修订, 废止): the catalogue's zh-CN label of the kind.
export function eventWord(kind: LifecycleEventKind): string {
  return translate('zh-CN', vocabularyLabel('lifecycleEventKind', kind));
}
