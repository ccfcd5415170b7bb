// What every domain may use: calendar dates and China time, input validation, escaping for
// XML and HTML, the Atom feed builder and the closed sets of the product's vocabulary. It
// imports no domain, and db/ may take the vocabulary from it.
export { todayInChina, isIsoDate, chineseDate, addDays, addMonths, daysBetween, inclusiveDays, chinaDateTime, eachDay } from './dates';
export { parseInput } from './parseInput';
export { readQueryLeniently } from './readQueryLeniently';
export { safeReturnPath } from './safeReturnPath';
export { routeParam } from './routeParam';
export { formatBytes } from './formatBytes';
export { orderedId } from './orderedId';
export { formField, type FormFields } from './formFields';
export { readCookie, serializeCookie } from './cookies';
export { escapeXml, escapeHtml, dropNonXml } from './escapeMarkup';
export { buildAtomFeed, type AtomFeed, type AtomEntry } from './buildAtomFeed';
export * from './vocabulary';
export { contentSecurityPolicy, newScriptNonce, nonceOfPolicy, nonPagePolicy } from './contentSecurityPolicy';
