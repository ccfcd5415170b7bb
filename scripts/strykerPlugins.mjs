// Stryker loads its plugins with a plain import(), in its own processes, which read no TypeScript:
// this file hands it the plugins of scripts/strykerTypeChecker.ts through tsx.
import { tsImport } from 'tsx/esm/api';

export const { strykerPlugins } = await tsImport('./strykerTypeChecker.ts', import.meta.url);
