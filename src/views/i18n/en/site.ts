import type { de } from '../de.js';

export const site: Partial<Record<keyof typeof de, string>> = {
  // Landing and start page
  'landing.register': 'Register now',
  'landing.howTitle': 'How Knotenpunkt works',
  'landing.how1': 'Communities of practice: staff from federal, state and local government share ideas on specific topics – from e-files to AI in public administration.',
  'landing.how2': 'Who knows? Find the colleague in the state ministry or the neighbouring municipality who has already solved your problem.',
  'landing.how3': 'Workshops and barcamps: get to know each other – with a certificate of participation for your department.',
  'start.title': 'Home',
  'start.welcome': 'Welcome, {name}',
  'start.memberLead': 'Good to have you here. See what is happening in your communities and where your experience is needed.',
  'start.partnerLead': 'You have been invited as a guest. You can see the communities and events you have been invited to.',
  'start.pendingTitle': 'Your application is being reviewed',
  'start.pendingBody': 'The office is checking that you work in public administration. This usually takes one to two working days. We will let you know by email. Until then, you can edit your account.',
  'start.declinedTitle': 'Your application was not approved',
  'start.declinedBody': 'The office was unable to approve your application. If you have any questions, please feel free to write to them.',
  'start.toExperts': 'Who knows? Find experts on a topic',
  'start.toMembers': 'Find members from federal, state and local administration',
  'start.toProfile': 'Edit my profile: add expertise and topics',
  'start.toAccount': 'Manage my account',
  'start.toOrganisations': 'View the directory of organisations',

  // Default texts of the public pages (the office can replace them)
  'page.landing.title': 'Networking for public administration',
  'page.landing.body': 'Digital government succeeds when people learn from each other – across departments and across federal, state and local government. Knotenpunkt is the protected space for this: only public-sector staff are here.\n\nAsk questions, share practice examples, find experts and meet in workshops and barcamps. The Chatham House Rule applies to everything.',
  'page.imprint.title': 'Legal notice',
  'page.imprint.body': 'Information pursuant to § 5 DDG\n\nKnotenpunkt-Netzwerk e. V. (Demo)\nMusterstraße 1\n10115 Berlin\n\nRepresented by the board. Contact: office@knotenpunkt.example\n\nRegister court: Amtsgericht Berlin-Charlottenburg (demo entry)\n\nThese details are sample texts. The office can adapt them under “Office › Pages”.',
  'page.privacy.title': 'Privacy policy',
  'page.privacy.body': 'The controller responsible for processing is the operator of this installation (see legal notice).\n\nWe only process the data you give us: your name, work email address, organisation and your posts. The purpose is running the network (Art. 6(1)(b) GDPR).\n\nWe only use technically necessary cookies: for signing in, for protection against forged forms and for your choice of language. There are no analytics or advertising services, no embedded third-party content and no external fonts.\n\nYou have the right of access, rectification, erasure, restriction of processing and data portability, and the right to lodge a complaint with a supervisory authority.',
  'page.accessibility.title': 'Accessibility statement',
  'page.accessibility.body': 'The operator endeavours to make Knotenpunkt accessible in accordance with the Barrier-Free Information Technology Ordinance (BITV 2.0) and EN 301 549.\n\nCompliance status: the platform is tested continuously with automated checks (axe, WCAG 2.1 AA) and with the keyboard. All pages work without JavaScript. If you have come across any barriers, please tell us using the form below.\n\nConciliation procedure: if no satisfactory solution is found even after your feedback, you can contact the conciliation body under § 16 of the Disability Equality Act (Behindertengleichstellungsgesetz, BGG): Schlichtungsstelle BGG at the Federal Government Commissioner for Matters relating to Persons with Disabilities, Mauerstraße 53, 10117 Berlin, phone 030 18 527-2805, email info@schlichtungsstelle-bgg.de, www.schlichtungsstelle-bgg.de.',

  // Accessibility feedback
  'feedback.title': 'Report a barrier',
  'feedback.lead': 'Your message goes to the office. We usually reply within two weeks.',
  'feedback.message': 'Your message',
  'feedback.messageHint': 'Describe what did not work and what you used to access the page.',
  'feedback.page': 'Page concerned',
  'feedback.pageHint': 'For example, the address or the name of the page.',
  'feedback.name': 'Your name',
  'feedback.email': 'Your email address',
  'feedback.emailHint': 'Only needed if you would like a reply.',
  'feedback.submit': 'Send feedback',
  'feedback.done': 'Thank you! The office has received your feedback.',
};
