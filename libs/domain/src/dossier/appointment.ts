import type { Dossier } from './dossier';

/**
 * The return date the citizen is told now: the apology's new date (BM.04) when the agency issued one,
 * else the appointment (moved by pauses). Timeliness is still judged against `dueAt`: a dossier
 * rescheduled by an apology stays late in the statistics.
 */
export function currentAppointment(dossier: Pick<Dossier, 'dueAt' | 'apology'>): Date | null {
  return dossier.apology ? new Date(dossier.apology.newDueAt) : dossier.dueAt;
}
