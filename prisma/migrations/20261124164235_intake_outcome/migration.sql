-- AlterEnum
ALTER TYPE "InboundStatus" ADD VALUE 'NEEDS_ROLE';

-- AlterTable
ALTER TABLE "InboundEmail" ADD COLUMN     "outcome" JSONB;
