import type { de } from '../de.js';

export const moderation: Partial<Record<keyof typeof de, string>> = {
  'moderation.error.target': 'Please choose another community from the list.',
  'moderation.error.targetNotLed': 'You can only move posts to communities you lead.',
  'moderation.error.confirmWider': 'More people will see the post there. Please confirm this as lead.',
};
