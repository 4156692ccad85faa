import type { de } from '../de.js';

export const communities: Partial<Record<keyof typeof de, string>> = {
  'community.error.slugTaken': 'This short address is taken. Please choose another one.',
  'community.error.lastLead': 'A community needs at least one lead. Please name another lead first.',
  'community.error.person': 'This person cannot be invited. Please choose a verified member.',
  'community.error.partnersNotAllowed': 'Guests cannot be invited to this community.',
  'community.error.leadPartner': 'Guests cannot lead a community.',
  'community.error.lead': 'Please choose a verified member as lead.',
  'post.error.contact': 'Please choose a verified member as contact person.',
  'post.error.announcement': 'Only community leads can publish announcements. Please choose another type.',
  'post.error.typeChange': 'A practice example stays a practice example. Please write a new post for another type.',
  'post.error.locked': 'This post is locked. No new replies are possible.',
  'reply.error.quote': 'The quoted reply is no longer in this post. Please reply without the quote.',
  'helpful.error.own': 'You cannot mark your own posts and replies as helpful.',
};
