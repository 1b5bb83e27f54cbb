-- When an interview's current time was booked, on the service's clock: interviewer reminders
-- whose moment came before the booking are skipped instead of sent late. Interviews booked
-- before this existed count as booked when their row last changed.

-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "bookedAt" TIMESTAMPTZ;

UPDATE "Interview" SET "bookedAt" = "updatedAt" WHERE status IN ('BOOKED', 'COMPLETED');
