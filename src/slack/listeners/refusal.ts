import type { DbOrTx } from '../../db/prisma.js';
import { hasAdmin } from '../../services/team/first-admin.js';
import { noAdminYetMessage, refusalMessage } from '../blocks/help.js';

/** "Sorry, … is for the hiring team", or, while nobody is admin yet, how the first admin is made. */
export async function refusal(db: DbOrTx, admins: readonly string[], what: string) {
  return (await hasAdmin(db, admins)) ? refusalMessage(what) : noAdminYetMessage();
}
