/// A small regulation in force for amendment tests: four articles, one with 项, and its
/// adoption line (测试市养犬条例, adopted 2019-10-01, in force 2020-01-01).
export const dogRegulationText = `测试市养犬条例

（2019年10月1日测试市第一届人民代表大会常务委员会第二次会议通过）

第一条　为了规范养犬行为，制定本条例。

第二条　本条例适用于本市。

第三条　养犬人应当遵守下列规定：
（一）办理登记；
（二）定期免疫。

第四条　本条例自2020年1月1日起施行。`;
