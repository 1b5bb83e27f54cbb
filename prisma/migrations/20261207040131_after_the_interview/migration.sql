-- After the interview: competencies per step, scorecards that are owed, drafted, submitted and
-- versioned, debriefs, and the direct messages Justin keeps current (reminders, requests).
-- Nothing wrote Scorecard before; a row an install has anyway was written whole, so it counts as
-- submitted (version 1), due when it was written.

-- CreateEnum
CREATE TYPE "ScorecardStatus" AS ENUM ('PENDING', 'DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "DebriefDecision" AS ENUM ('ADVANCE', 'REJECT', 'HOLD');

-- DropIndex
DROP INDEX "Scorecard_interviewerId_idx";

-- AlterTable
ALTER TABLE "InterviewStage" ADD COLUMN     "competencies" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN     "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "draftSavedAt" TIMESTAMPTZ,
ADD COLUMN     "dueAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "nextNudgeAt" TIMESTAMPTZ,
ADD COLUMN     "nudgesSent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recruiterToldAt" TIMESTAMPTZ,
ADD COLUMN     "status" "ScorecardStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "recommendation" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP DEFAULT;

UPDATE "Scorecard" SET status = 'SUBMITTED', version = 1, "dueAt" = COALESCE("submittedAt", "dueAt");
ALTER TABLE "Scorecard" ALTER COLUMN "dueAt" DROP DEFAULT, ALTER COLUMN "updatedAt" DROP DEFAULT;

-- CreateTable
CREATE TABLE "ScorecardVersion" (
    "id" BIGSERIAL NOT NULL,
    "scorecardId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "recommendation" "Recommendation" NOT NULL,
    "ratings" JSONB NOT NULL,
    "notes" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "ScorecardVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Debrief" (
    "id" UUID NOT NULL,
    "interviewId" UUID NOT NULL,
    "synthesis" TEXT,
    "scorecards" INTEGER NOT NULL DEFAULT 0,
    "postedAt" TIMESTAMPTZ,
    "decision" "DebriefDecision",
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ,
    "meetingEventId" TEXT,
    "meetingStartsAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Debrief_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackNotice" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID,
    "interviewId" UUID,
    "scorecardId" UUID,
    "channel" TEXT,
    "ts" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardVersion_scorecardId_version_key" ON "ScorecardVersion"("scorecardId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Debrief_interviewId_key" ON "Debrief"("interviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Debrief_meetingEventId_key" ON "Debrief"("meetingEventId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackNotice_key_key" ON "SlackNotice"("key");

-- CreateIndex
CREATE INDEX "SlackNotice_interviewId_idx" ON "SlackNotice"("interviewId");

-- CreateIndex
CREATE INDEX "SlackNotice_scorecardId_idx" ON "SlackNotice"("scorecardId");

-- CreateIndex
CREATE INDEX "Scorecard_interviewerId_status_idx" ON "Scorecard"("interviewerId", "status");

-- CreateIndex
CREATE INDEX "Scorecard_status_nextNudgeAt_idx" ON "Scorecard"("status", "nextNudgeAt");

-- Those scorecards' history starts with what they say now (version 1).
INSERT INTO "ScorecardVersion" ("scorecardId", version, recommendation, ratings, notes, "submittedAt")
SELECT id, 1, recommendation, ratings, notes, COALESCE("submittedAt", "dueAt")
FROM "Scorecard" WHERE status = 'SUBMITTED' AND recommendation IS NOT NULL;

-- AddForeignKey
ALTER TABLE "ScorecardVersion" ADD CONSTRAINT "ScorecardVersion_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackNotice" ADD CONSTRAINT "SlackNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackNotice" ADD CONSTRAINT "SlackNotice_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackNotice" ADD CONSTRAINT "SlackNotice_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;
