import type { de } from '../de.js';

export const core: Partial<Record<keyof typeof de, string>> = {
};
