import type { de } from '../de.js';

export const selfService: Partial<Record<keyof typeof de, string>> = {
};
