-- AlterTable
ALTER TABLE "AgentRun" ADD COLUMN     "followUpAt" TIMESTAMPTZ,
ADD COLUMN     "nudgesSent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "violations" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AgentStep" ADD COLUMN     "eventKey" TEXT;

-- CreateIndex
CREATE INDEX "AgentRun_followUpAt_idx" ON "AgentRun"("followUpAt");

-- CreateIndex
CREATE UNIQUE INDEX "AgentStep_runId_eventKey_key" ON "AgentStep"("runId", "eventKey");

-- One live agent run per application: the run is what serialises work on a candidate, so a
-- second RUNNING/WAITING row (two workers racing to start one) is refused by the database.
CREATE UNIQUE INDEX "AgentRun_one_live_per_application" ON "AgentRun"("applicationId") WHERE status IN ('RUNNING', 'WAITING');
