// Stryker loads its plugins with a plain import(), in its own processes, which read no TypeScript:
// this file hands it the plugins of scripts/strykerTypeChecker.ts (the checker) and
// scripts/strykerEquivalents.ts (a reporter) through tsx.
import { tsImport } from 'tsx/esm/api';

const checker = await tsImport('./strykerTypeChecker.ts', import.meta.url);
const equivalents = await tsImport('./strykerEquivalents.ts', import.meta.url);
export const strykerPlugins = [...checker.strykerPlugins, ...equivalents.strykerPlugins];
