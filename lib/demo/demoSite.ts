/// The settings the demo runs with, as a city would configure them (marked as a demonstration):
/// the city the site serves — most of the demo's bills are 舟山's — and the footer's operator facts.
/// `npm run demo` and the browser tests start the web app with these unless the environment says otherwise.
export const demoSite = {
  LAWBENCH_CITY: '舟山市',
  LAWBENCH_PROVINCE: '浙江省',
  LAWBENCH_SPONSOR: '（演示）舟山市人民代表大会常务委员会法制工作委员会',
  LAWBENCH_CONTACT: 'lawbench-demo@example.gov.cn',
  LAWBENCH_FILINGS: '演示站点，无备案号',
} as const;
