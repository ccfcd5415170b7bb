/// Test support: the draft the test consultations are on.
/// 总则 with 第一条–第三条 (第三条 has two 项), 附则 with 第四条.
export const consultationText = `测试条例

第一章　总则

第一条　为了测试，制定本条例。

第二条　本条例适用于本市。

第三条　有关部门应当履行下列职责：
（一）登记；
（二）检查。

第二章　附则

第四条　本条例自2025年1月1日起施行。`;
