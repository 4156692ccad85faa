import type { de } from '../de.js';

/** Replies by e-mail: the mail that explains why a reply was not published. */
export const inbound: Partial<Record<keyof typeof de, string>> = {
  'inbound.refused.subject': 'Your reply by email was not published',
  'inbound.refused.greeting': 'Hello,',
  'inbound.refused.intro': 'You replied to an email from Knotenpunkt. Your reply was not published.',
  'inbound.refused.reason.wrongSender':
    'The reply address belongs to another account. Replies by email are only accepted from the email address to which the original email was sent.',
  'inbound.refused.reason.invalidAddress': 'The reply address is invalid or no longer valid.',
  'inbound.refused.reason.unavailable': 'The discussion is no longer available, or you no longer have access to it (for example because your membership of the community has ended).',
  'inbound.refused.reason.locked': 'The discussion is closed. New replies are no longer possible.',
  'inbound.refused.reason.noPermission': 'You may not reply in this discussion.',
  'inbound.refused.reason.empty': 'Your email contained no text of your own. Quoted text and signatures are removed.',
  'inbound.refused.reason.tooLong': 'Your reply is longer than {max} characters.',
  'inbound.refused.reason.rateLimited': 'You have written a great many posts in a short time. Please try again in a few minutes.',
  'inbound.refused.reason.invalid': 'Your reply could not be processed.',
  'inbound.refused.help': 'When you are signed in, you can also reply directly on the platform: {url}',
};
