-- CreateTable
CREATE TABLE "InterviewerBooking" (
    "interviewId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ NOT NULL,
    "endsAt" TIMESTAMPTZ NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewerBooking_pkey" PRIMARY KEY ("interviewId","userId")
);

-- CreateIndex
CREATE INDEX "InterviewerBooking_userId_startsAt_idx" ON "InterviewerBooking"("userId", "startsAt");

-- AddForeignKey
ALTER TABLE "InterviewerBooking" ADD CONSTRAINT "InterviewerBooking_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerBooking" ADD CONSTRAINT "InterviewerBooking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these). No interviewer can hold two overlapping
-- bookings, whatever the code does: the database refuses the second row. btree_gist lets the
-- GiST index compare uuids with =; '[)' makes back-to-back interviews legal.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "InterviewerBooking" ADD CONSTRAINT "InterviewerBooking_no_overlap"
  EXCLUDE USING gist ("userId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&);
ALTER TABLE "InterviewerBooking" ADD CONSTRAINT "InterviewerBooking_ends_after_start" CHECK ("endsAt" > "startsAt");
