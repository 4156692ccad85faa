/**
 * The workers of the mail pipeline: composed mails, immediate notification mails, mailing-list
 * mails and digests, and the digest schedule (daily at 7:00, weekly on Mondays at 7:00,
 * Europe/Berlin). Every mail goes through `deliverOnce`, so a retried or doubled job sends
 * nothing twice.
 */
import type { AppDeps } from '../../app.js';
import { DIGEST_QUEUE, LIST_MAIL_QUEUE, MAIL_QUEUE, NOTIFICATION_MAIL_QUEUE, type MailJob } from '../../jobs/jobs.js';
import { deliverOnce } from '../../mail/delivery.js';
import { sendListMails, sendNotificationMails } from './notification-mail.js';
import type { ListMailJob, NotificationMailJob } from './notify.js';
import { queueDigests, sendDigest, type DigestJob } from './digest.js';

export function registerNotificationJobs(deps: AppDeps): void {
  const { db, mailer, config, jobs } = deps;
  const mailDeps = { db, mailer, config };
  jobs.handle<MailJob>(MAIL_QUEUE, async (job) => {
    await deliverOnce({ db, mailer, host: config.baseUrl.hostname }, job);
  });
  jobs.handle<NotificationMailJob>(NOTIFICATION_MAIL_QUEUE, async (job) => {
    await sendNotificationMails(mailDeps, job);
  });
  jobs.handle<ListMailJob>(LIST_MAIL_QUEUE, async (job) => {
    await sendListMails(mailDeps, job);
  });
  jobs.handle<DigestJob>(DIGEST_QUEUE, async (job) => {
    await sendDigest(mailDeps, job);
  });
  jobs.every('digest-daily', () => queueDigests(deps, 'daily').then(() => undefined), { cron: '0 7 * * *', inDrain: false });
  jobs.every('digest-weekly', () => queueDigests(deps, 'weekly').then(() => undefined), { cron: '0 7 * * 1', inDrain: false });
}
