import type { de } from '../de.js';

export const site: Partial<Record<keyof typeof de, string>> = {
};
