-- Offers with approvals: versioned terms, an ordered chain per version, expiry and chasing, and
-- notices about an offer (the approver's message, the offer's line in the card's thread).
-- Nothing wrote OfferApproval before; rows an install has anyway are numbered in their order
-- before the chain's unique index. (Postgres 12+ adds several enum values in one transaction.)

ALTER TYPE "ApprovalDecision" ADD VALUE 'CHANGES_REQUESTED';
ALTER TYPE "ApprovalDecision" ADD VALUE 'SUPERSEDED';

ALTER TYPE "OfferStatus" ADD VALUE 'CHANGES_REQUESTED';
ALTER TYPE "OfferStatus" ADD VALUE 'NOT_APPROVED';

-- DropIndex
DROP INDEX "OfferApproval_offerId_approverId_key";

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "answeredAt" TIMESTAMPTZ,
ADD COLUMN     "chasesSent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMPTZ,
ADD COLUMN     "handedOverAt" TIMESTAMPTZ,
ADD COLUMN     "nextChaseAt" TIMESTAMPTZ,
ADD COLUMN     "sentAt" TIMESTAMPTZ,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "OfferApproval" ADD COLUMN     "offerVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "SlackNotice" ADD COLUMN     "offerId" UUID;

-- CreateIndex
CREATE INDEX "Offer_status_nextChaseAt_idx" ON "Offer"("status", "nextChaseAt");

WITH numbered AS (
  SELECT id, row_number() OVER (PARTITION BY "offerId" ORDER BY "decidedAt" NULLS LAST, id) - 1 AS n FROM "OfferApproval"
)
UPDATE "OfferApproval" a SET position = numbered.n FROM numbered WHERE a.id = numbered.id;

-- CreateIndex
CREATE UNIQUE INDEX "OfferApproval_offerId_offerVersion_position_key" ON "OfferApproval"("offerId", "offerVersion", "position");

-- CreateIndex
CREATE INDEX "SlackNotice_offerId_idx" ON "SlackNotice"("offerId");

-- AddForeignKey
ALTER TABLE "SlackNotice" ADD CONSTRAINT "SlackNotice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
