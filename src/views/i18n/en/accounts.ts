import type { de } from '../de.js';

export const accounts: Partial<Record<keyof typeof de, string>> = {
};
