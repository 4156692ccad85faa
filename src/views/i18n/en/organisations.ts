import type { de } from '../de.js';

export const organisations: Partial<Record<keyof typeof de, string>> = {
};
